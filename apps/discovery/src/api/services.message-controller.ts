import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { CurationService } from '../curation/curation.service';
import { ServicesQuery } from '../query/services.query';

@Controller()
export class ServicesMessageController {
  constructor(
    private readonly query: ServicesQuery,
    private readonly curation: CurationService,
  ) {}

  @Rpc('discovery.services.list')
  list(request: RpcInput<'discovery.services.list'>): Promise<RpcResponse<'discovery.services.list'>> {
    return this.query.list(request);
  }

  @Rpc('discovery.services.get')
  get(request: RpcInput<'discovery.services.get'>): Promise<RpcResponse<'discovery.services.get'>> {
    return this.query.get(request.id);
  }

  @Rpc('discovery.services.users')
  users(request: RpcInput<'discovery.services.users'>): Promise<RpcResponse<'discovery.services.users'>> {
    return this.query.usersOf(request);
  }

  @Rpc('discovery.services.match')
  match(request: RpcInput<'discovery.services.match'>): Promise<RpcResponse<'discovery.services.match'>> {
    return this.curation.match(request);
  }

  @Rpc('discovery.services.merge')
  merge(request: RpcInput<'discovery.services.merge'>): Promise<RpcResponse<'discovery.services.merge'>> {
    return this.curation.merge(request);
  }

  @Rpc('discovery.services.ignore')
  ignore(request: RpcInput<'discovery.services.ignore'>): Promise<RpcResponse<'discovery.services.ignore'>> {
    return this.curation.ignore(request);
  }
}
