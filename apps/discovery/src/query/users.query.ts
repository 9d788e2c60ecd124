import { Injectable } from '@nestjs/common';
import { sortSpec } from '@seatwise/platform/db/cursor';
import { findPage } from '@seatwise/platform/db/find-page';
import { pageSorted } from '@seatwise/platform/db/sorted-page';
import { containsText } from '@seatwise/platform/db/regex';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import type { UserView } from '@seatwise/shared/contracts/discovery-views';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import { FlagRules } from '../inventory/flag-rules';
import { accountOfId, type Scope } from '../inventory/ids';
import { ServicesRepository } from '../inventory/services.repository';
import { UsageRepository } from '../inventory/usage.repository';
import { type UserRow, UserRowsRepository } from '../inventory/user-rows.repository';
import { UsersRepository } from '../inventory/users.repository';
import { allOf } from './filters';
import { rowFilter, sortValueOf } from './user-rows';
import { userServiceView, userView } from './views';

@Injectable()
export class UsersQuery {
  constructor(
    private readonly users: UsersRepository,
    private readonly usage: UsageRepository,
    private readonly services: ServicesRepository,
    private readonly flags: FlagRules,
    private readonly rows: UserRowsRepository,
  ) {}

  // From the account's packed rows where they are kept (FerretDB 1.x: one document, then the page's users by id),
  // else from the users themselves.
  async list(request: RpcInput<'discovery.users.list'>): Promise<Page<UserView>> {
    const scope = { accountId: request.accountId };
    const rows = await this.rows.rows(scope);
    return rows ? this.listFromRows(scope, rows, request) : this.listFromUsers(scope, request);
  }

  private async listFromRows(
    scope: Scope,
    rows: Map<string, UserRow>,
    request: RpcInput<'discovery.users.list'>,
  ): Promise<Page<UserView>> {
    const matches = rowFilter(request);
    const valueOf = sortValueOf(sortSpec(request.sort).field);
    const entries = [...rows].flatMap(([id, row]) => (matches(row) ? [{ id, value: valueOf(row) }] : []));
    const page = pageSorted(entries, request);
    const users = new Map((await this.users.getMany(scope, page.items)).map((doc) => [doc._id, doc]));
    const thresholds = this.flags.options();
    // A row whose user a crash left unwritten (rows are put after their users) is not listed.
    const items = page.items.flatMap((id) => {
      const doc = users.get(id);
      return doc ? [userView(doc, thresholds)] : [];
    });
    return { items, nextCursor: page.nextCursor };
  }

  private listFromUsers(scope: Scope, request: RpcInput<'discovery.users.list'>): Promise<Page<UserView>> {
    const q = request.q;
    const filter = allOf([
      request.status !== undefined && { status: request.status },
      request.removed !== undefined && { removedAt: request.removed ? { $ne: null } : null },
      q !== undefined && { $or: ['username', 'realName', 'email'].map((field) => containsText(field, q)) },
      request.enrolled !== undefined && { enrolled: request.enrolled },
      ...timeRange('lastSeen', request.lastSeenAfter, request.lastSeenBefore),
      ...timeRange('lastSuccess', request.lastSuccessAfter, request.lastSuccessBefore),
    ]);
    const thresholds = this.flags.options();
    return findPage(this.users.finder(scope), filter, request, (doc) => userView(doc, thresholds));
  }

  async get(id: string): Promise<UserView> {
    const doc = await this.users.get(accountOfId(id), id);
    if (!doc) throw notFound(id);
    return userView(doc, this.flags.options());
  }

  // The user's usage rows, each with its service.
  async servicesOf(request: RpcInput<'discovery.users.services'>): Promise<RpcResponse<'discovery.users.services'>> {
    const scope = accountOfId(request.id);
    if (!(await this.users.get(scope, request.id))) throw notFound(request.id);
    const filter = request.include === 'successful' ? { successCount: { $gt: 0 } } : {};
    const page = await findPage(this.usage.finderOf(scope, { userId: request.id }), filter, request, (row) => row);
    const ids = page.items.map((row) => row.serviceId);
    const services = await this.services.find(scope, { _id: { $in: ids } }, { _id: 1 }, ids.length + 1);
    const byId = new Map(services.map((service) => [service._id, service]));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => userServiceView(row, byId.get(row.serviceId))),
    };
  }
}

// After: at or after the time; before: strictly before it. A user who never did it (NEVER) is before any time.
function timeRange(
  field: string,
  after: string | undefined,
  before: string | undefined,
): (Record<string, unknown> | false)[] {
  return [
    after !== undefined && { [field]: { $gte: new Date(after) } },
    before !== undefined && { [field]: { $lt: new Date(before) } },
  ];
}

function notFound(id: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `No user ${id}`);
}
