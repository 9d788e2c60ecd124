import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { SaasCatalog } from './saas-catalog';

@Controller()
export class CatalogMessageController {
  constructor(private readonly catalog: SaasCatalog) {}

  @Rpc('discovery.catalog.search')
  search(request: RpcInput<'discovery.catalog.search'>) {
    return Promise.resolve({ items: this.catalog.search(request.q, request.limit), version: this.catalog.version });
  }
}
