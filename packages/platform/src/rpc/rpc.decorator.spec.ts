import { Controller } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { Rpc } from './rpc.decorator';

@Controller()
class ProbeController {
  readonly seen: RpcInput<'discovery.services.get'>[] = [];

  @Rpc('discovery.services.get')
  get(request: RpcInput<'discovery.services.get'>): Promise<RpcResponse<'discovery.services.get'>> {
    this.seen.push(request);
    return Promise.reject(new AppError('COMMON.NOT_FOUND', `No service ${request.id}`));
  }
}

describe('@Rpc', () => {
  it('registers the contract name as the message pattern', () => {
    const patterns: unknown = Reflect.getMetadata(PATTERN_METADATA, ProbeController.prototype.get);
    expect(patterns).toEqual(['discovery.services.get']);
  });

  it('parses the payload with the contract before the handler runs', async () => {
    const controller = new ProbeController();
    await expect(controller.get({ id: 'acct-1.svc' })).rejects.toMatchObject({ code: 'COMMON.NOT_FOUND' });
    expect(controller.seen).toEqual([{ id: 'acct-1.svc' }]);
  });

  it('answers a payload that breaks the contract with COMMON.VALIDATION_FAILED and never calls the handler', async () => {
    const controller = new ProbeController();
    const call = controller.get as (payload: unknown) => Promise<unknown>;
    await expect(call.call(controller, { id: 42, extra: true })).rejects.toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
    });
    expect(controller.seen).toEqual([]);
  });
});
