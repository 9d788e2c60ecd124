import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { UsersQuery } from './users.query';

@Controller()
export class UsersMessageController {
  constructor(private readonly query: UsersQuery) {}

  @Rpc('discovery.users.list')
  list(request: RpcInput<'discovery.users.list'>) {
    return this.query.list(request);
  }

  @Rpc('discovery.users.get')
  get(request: RpcInput<'discovery.users.get'>) {
    return this.query.get(request.id);
  }

  @Rpc('discovery.users.services')
  services(request: RpcInput<'discovery.users.services'>) {
    return this.query.servicesOf(request);
  }
}
