import { Injectable } from '@nestjs/common';
import { findPage } from '@seatwise/platform/db/find-page';
import { containsText } from '@seatwise/platform/db/regex';
import type { GroupView } from '@seatwise/shared/contracts/discovery-views';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { allOf } from '../query/filters';
import { GroupsRepository, type GroupSummaryDoc } from './groups.repository';

// Services across customers: the rollup, paged and sorted like the other lists, and one group's accounts.
@Injectable()
export class GroupsQuery {
  constructor(private readonly groups: GroupsRepository) {}

  list(request: RpcInput<'discovery.groups.list'>): Promise<Page<GroupView>> {
    const filter = allOf([
      request.q !== undefined && containsText('name', request.q),
      request.matched !== undefined && { productId: request.matched ? { $ne: null } : null },
    ]);
    return findPage(this.groups.finder(), filter, request, groupView);
  }

  async get(id: string): Promise<RpcResponse<'discovery.groups.get'>> {
    const doc = await this.groups.get(id);
    if (!doc) throw new AppError('DISCOVERY.GROUP.NOT_FOUND', `No service across customers ${id}`);
    return {
      ...groupView(doc),
      accounts: doc.accounts.map((a) => ({
        accountId: a.accountId,
        users: a.users,
        serviceIds: a.serviceIds,
        firstSeen: a.firstSeen.toISOString(),
        lastSeen: a.lastSeen.toISOString(),
      })),
    };
  }
}

function groupView(doc: GroupSummaryDoc): GroupView {
  return {
    id: doc._id,
    name: doc.name,
    productId: doc.productId,
    category: doc.category,
    customers: doc.customers,
    users: doc.users,
    services: doc.services,
    firstSeen: doc.firstSeen.toISOString(),
    lastSeen: doc.lastSeen.toISOString(),
  };
}
