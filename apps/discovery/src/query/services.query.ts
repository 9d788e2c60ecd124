import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { findPage } from '@seatwise/platform/db/find-page';
import { containsText } from '@seatwise/platform/db/regex';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import type { ServiceDetail, ServiceView } from '@seatwise/shared/contracts/discovery-views';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { FlagRules } from '../inventory/flag-rules';
import { accountOfId } from '../inventory/ids';
import { ServicesRepository } from '../inventory/services.repository';
import { UsageRepository } from '../inventory/usage.repository';
import { UsersRepository } from '../inventory/users.repository';
import { allOf, DAY_MS } from './filters';
import { serviceUserView, serviceView } from './views';

@Injectable()
export class ServicesQuery {
  constructor(
    private readonly services: ServicesRepository,
    private readonly usage: UsageRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
    private readonly flags: FlagRules,
  ) {}

  list(request: RpcInput<'discovery.services.list'>): Promise<Page<ServiceView>> {
    const scope = { accountId: request.accountId };
    const filter = allOf([
      request.status !== undefined && { status: request.status },
      request.matched !== undefined && { catalog: request.matched ? { $ne: null } : null },
      request.q !== undefined && containsText('name', request.q),
      request.lastSeenSince !== undefined && { lastSeen: { $gte: new Date(request.lastSeenSince) } },
      !request.includeMerged && { mergedInto: null },
    ]);
    const thresholds = this.flags.options();
    return findPage(this.services.finder(scope), filter, request, (doc) => serviceView(doc, thresholds));
  }

  async get(id: string): Promise<ServiceDetail> {
    const scope = accountOfId(id);
    const doc = await this.services.get(scope, id);
    if (!doc) throw notFound(id);
    const now = this.clock.nowMs();
    const [[days7 = 0, days30 = 0, days90 = 0], merged] = await Promise.all([
      this.usage.countActive(
        scope,
        id,
        [7, 30, 90].map((days) => new Date(now - days * DAY_MS)),
      ),
      this.services.mergedInto(scope, id),
    ]);
    const thresholds = this.flags.options();
    return {
      ...serviceView(doc, thresholds),
      activeUsers: { days7, days30, days90 },
      merged: merged.map((m) => serviceView(m, thresholds)),
    };
  }

  // The service's usage rows (its users: successful ones unless all are asked for), each with its user's profile.
  async usersOf(request: RpcInput<'discovery.services.users'>): Promise<RpcResponse<'discovery.services.users'>> {
    const scope = accountOfId(request.id);
    if (!(await this.services.get(scope, request.id))) throw notFound(request.id);
    const filter = request.include === 'successful' ? { successCount: { $gt: 0 } } : {};
    const page = await findPage(this.usage.finderOf(scope, { serviceId: request.id }), filter, request, (row) => row);
    const users = await this.users.getMany(
      scope,
      page.items.map((row) => row.userId),
    );
    const byId = new Map(users.map((user) => [user._id, user]));
    return { nextCursor: page.nextCursor, items: page.items.map((row) => serviceUserView(row, byId.get(row.userId))) };
  }
}

function notFound(id: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `No service ${id}`);
}
