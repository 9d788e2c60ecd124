import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { ServicesQuery } from './services.query';

@Controller()
export class ServicesMessageController {
  constructor(private readonly query: ServicesQuery) {}

  @Rpc('discovery.services.list')
  list(request: RpcInput<'discovery.services.list'>) {
    return this.query.list(request);
  }

  @Rpc('discovery.services.get')
  get(request: RpcInput<'discovery.services.get'>) {
    return this.query.get(request.id);
  }

  @Rpc('discovery.services.users')
  users(request: RpcInput<'discovery.services.users'>) {
    return this.query.usersOf(request);
  }
}
