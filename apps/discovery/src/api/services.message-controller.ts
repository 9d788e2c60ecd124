import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { discoveryRpcs } from '@seatwise/shared/contracts/discovery-rpcs';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { CurationService } from '../curation/curation.service';
import { ServicesQuery } from '../query/services.query';

const rpc = discoveryRpcs;

@Controller()
export class ServicesMessageController {
  constructor(
    private readonly query: ServicesQuery,
    private readonly curation: CurationService,
  ) {}

  @MessagePattern('discovery.services.list')
  list(@Payload() payload: unknown): Promise<RpcResponse<'discovery.services.list'>> {
    return this.query.list(parseOrThrow(rpc['discovery.services.list'].request, payload, 'request'));
  }

  @MessagePattern('discovery.services.get')
  get(@Payload() payload: unknown): Promise<RpcResponse<'discovery.services.get'>> {
    return this.query.get(parseOrThrow(rpc['discovery.services.get'].request, payload, 'request').id);
  }

  @MessagePattern('discovery.services.users')
  users(@Payload() payload: unknown): Promise<RpcResponse<'discovery.services.users'>> {
    return this.query.usersOf(parseOrThrow(rpc['discovery.services.users'].request, payload, 'request'));
  }

  @MessagePattern('discovery.services.match')
  match(@Payload() payload: unknown): Promise<RpcResponse<'discovery.services.match'>> {
    return this.curation.match(parseOrThrow(rpc['discovery.services.match'].request, payload, 'request'));
  }

  @MessagePattern('discovery.services.merge')
  merge(@Payload() payload: unknown): Promise<RpcResponse<'discovery.services.merge'>> {
    return this.curation.merge(parseOrThrow(rpc['discovery.services.merge'].request, payload, 'request'));
  }

  @MessagePattern('discovery.services.ignore')
  ignore(@Payload() payload: unknown): Promise<RpcResponse<'discovery.services.ignore'>> {
    return this.curation.ignore(parseOrThrow(rpc['discovery.services.ignore'].request, payload, 'request'));
  }
}
