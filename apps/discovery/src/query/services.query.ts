import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { z } from 'zod';
import type { serviceListRequestSchema, serviceUsersRequestSchema, serviceUserViewSchema, ServiceDetail, ServiceView } from '@seatwise/shared/contracts/discovery-views';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import type { mongo } from 'mongoose';
import { serviceView } from '../api/views';
import { type ServiceDoc, ServicesRepository } from '../db/services.repository';
import { UsageRepository } from '../db/usage.repository';
import { UsersRepository } from '../db/users.repository';
import { accountOfId } from '../ids';
import { findPage, type Page } from './cursor';
import { containsText, DAY_MS } from './filters';

type ListRequest = z.output<typeof serviceListRequestSchema>;
type UsersRequest = z.output<typeof serviceUsersRequestSchema>;
type ServiceUserView = z.output<typeof serviceUserViewSchema>;

@Injectable()
export class ServicesQuery {
  constructor(
    private readonly services: ServicesRepository,
    private readonly usage: UsageRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  list(request: ListRequest): Promise<Page<ServiceView>> {
    const scope = { accountId: request.accountId };
    const filter: mongo.Filter<ServiceDoc>[] = [];
    if (request.status) filter.push({ status: request.status });
    if (request.matched !== undefined) filter.push({ catalog: request.matched ? { $ne: null } : null });
    if (request.q) filter.push({ name: containsText(request.q) });
    if (request.lastSeenSince) filter.push({ lastSeen: { $gte: new Date(request.lastSeenSince) } });
    if (!request.includeMerged) filter.push({ mergedInto: null });
    const base = filter.length > 0 ? { $and: filter } : {};
    return findPage((f, sort, limit) => this.services.find(scope, f, sort, limit), base, request, {}, serviceView);
  }

  async get(id: string): Promise<ServiceDetail> {
    const scope = accountOfId(id);
    const doc = await this.services.get(scope, id);
    if (!doc) throw new AppError(ErrorCodes.NOT_FOUND, `No service ${id}`);
    const now = this.clock.nowMs();
    const [[days7 = 0, days30 = 0, days90 = 0], merged] = await Promise.all([
      this.usage.countActive(scope, id, [7, 30, 90].map((days) => new Date(now - days * DAY_MS))),
      this.services.mergedInto(scope, id),
    ]);
    return { ...serviceView(doc), activeUsers: { days7, days30, days90 }, merged: merged.map(serviceView) };
  }

  async usersOf(request: UsersRequest): Promise<Page<ServiceUserView>> {
    const scope = accountOfId(request.id);
    if (!(await this.services.get(scope, request.id))) throw new AppError(ErrorCodes.NOT_FOUND, `No service ${request.id}`);
    const page = await findPage((f, sort, limit) => this.usage.find(scope, f, sort, limit), { serviceId: request.id }, request, {}, (row) => row);
    const profiles = new Map((await this.users.getMany(scope, page.items.map((row) => row.userId))).map((u) => [u._id, u]));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => {
        const user = profiles.get(row.userId);
        return {
          userId: row.userId,
          userKey: row.userKey,
          username: user?.username ?? row.userKey,
          realName: user?.realName ?? null,
          email: user?.email ?? null,
          firstSeen: row.firstSeen.toISOString(),
          lastSeen: row.lastSeen.toISOString(),
          count: row.count,
        };
      }),
    };
  }
}
