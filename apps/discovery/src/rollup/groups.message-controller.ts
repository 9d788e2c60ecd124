import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { GroupsQuery } from './groups.query';

@Controller()
export class GroupsMessageController {
  constructor(private readonly query: GroupsQuery) {}

  @Rpc('discovery.groups.list')
  list(request: RpcInput<'discovery.groups.list'>) {
    return this.query.list(request);
  }

  @Rpc('discovery.groups.get')
  get(request: RpcInput<'discovery.groups.get'>) {
    return this.query.get(request.id);
  }
}
