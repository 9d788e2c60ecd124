import { Injectable } from '@nestjs/common';
import type { Page } from '@seatwise/shared/contracts/page';
import type { PsaConnectionView } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { PsaConnectionRepository } from './psa-connection.repository';
import { toConnectionView } from './psa-connection.view';

@Injectable()
export class PsaConnectionsQuery {
  constructor(private readonly repository: PsaConnectionRepository) {}

  async get(id: string): Promise<PsaConnectionView> {
    return toConnectionView(await this.repository.mustFind(id));
  }

  list(request: RpcInput<'reconcile.psa.connections.list'>): Promise<Page<PsaConnectionView>> {
    return this.repository.page(request, toConnectionView);
  }
}
