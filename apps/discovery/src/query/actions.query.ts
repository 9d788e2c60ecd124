import { Injectable } from '@nestjs/common';
import { findPage } from '@seatwise/platform/db/find-page';
import type { ActionView } from '@seatwise/shared/contracts/discovery-views';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { ActionsRepository } from '../inventory/actions.repository';
import { allOf } from './filters';
import { actionView } from './views';

@Injectable()
export class ActionsQuery {
  constructor(private readonly actions: ActionsRepository) {}

  // Newest first.
  list(request: RpcInput<'discovery.actions.list'>): Promise<Page<ActionView>> {
    const scope = { accountId: request.accountId };
    const filter = allOf([
      request.serviceId !== undefined && { serviceId: request.serviceId },
      request.automatic !== undefined && { automatic: request.automatic },
    ]);
    return findPage(this.actions.finder(scope), filter, { ...request, sort: '-at' }, actionView);
  }
}
