import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { SeatsQuery } from './seats.query';

@Controller()
export class SeatsMessageController {
  constructor(private readonly seats: SeatsQuery) {}

  @Rpc('discovery.seats.summary')
  summary(request: RpcInput<'discovery.seats.summary'>) {
    return this.seats.summary(request.accountId);
  }

  @Rpc('discovery.seats.reclaimable')
  reclaimable(request: RpcInput<'discovery.seats.reclaimable'>) {
    return this.seats.reclaimable(request);
  }

  @Rpc('discovery.seats.settings.get')
  getSettings(request: RpcInput<'discovery.seats.settings.get'>) {
    return this.seats.getSettings(request.accountId);
  }

  @Rpc('discovery.seats.settings.set')
  setSettings(request: RpcInput<'discovery.seats.settings.set'>) {
    return this.seats.setSettings(request);
  }
}
