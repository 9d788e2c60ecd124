import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { userListRequestSchema, userServicesRequestSchema, userServiceViewSchema, UserView } from '@seatwise/shared/contracts/discovery-views';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import type { mongo } from 'mongoose';
import { userView } from '../api/views';
import { ServicesRepository } from '../db/services.repository';
import { UsageRepository } from '../db/usage.repository';
import { type UserDoc, UsersRepository } from '../db/users.repository';
import { accountOfId } from '../ids';
import { findPage, type Page } from './cursor';
import { containsText } from './filters';

type ListRequest = z.output<typeof userListRequestSchema>;
type ServicesRequest = z.output<typeof userServicesRequestSchema>;
type UserServiceView = z.output<typeof userServiceViewSchema>;

@Injectable()
export class UsersQuery {
  constructor(
    private readonly users: UsersRepository,
    private readonly usage: UsageRepository,
    private readonly services: ServicesRepository,
  ) {}

  list(request: ListRequest): Promise<Page<UserView>> {
    const scope = { accountId: request.accountId };
    const filter: mongo.Filter<UserDoc>[] = [];
    if (request.status) filter.push({ status: request.status });
    if (request.removed !== undefined) filter.push({ removedAt: request.removed ? { $ne: null } : null });
    if (request.q) {
      const text = containsText(request.q);
      filter.push({ $or: [{ username: text }, { realName: text }, { email: text }] });
    }
    const base = filter.length > 0 ? { $and: filter } : {};
    return findPage((f, sort, limit) => this.users.find(scope, f, sort, limit), base, request, {}, userView);
  }

  async get(id: string): Promise<UserView> {
    const doc = await this.users.get(accountOfId(id), id);
    if (!doc) throw new AppError(ErrorCodes.NOT_FOUND, `No user ${id}`);
    return userView(doc);
  }

  async servicesOf(request: ServicesRequest): Promise<Page<UserServiceView>> {
    const scope = accountOfId(request.id);
    if (!(await this.users.get(scope, request.id))) throw new AppError(ErrorCodes.NOT_FOUND, `No user ${request.id}`);
    const page = await findPage((f, sort, limit) => this.usage.find(scope, f, sort, limit), { userId: request.id }, request, {}, (row) => row);
    const ids = page.items.map((row) => row.serviceId);
    const services = new Map((await this.services.find(scope, { _id: { $in: ids } }, { _id: 1 }, ids.length + 1)).map((s) => [s._id, s]));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => {
        const service = services.get(row.serviceId);
        return {
          serviceId: row.serviceId,
          applicationKey: row.applicationKey,
          name: service?.name ?? row.applicationKey,
          status: service?.status ?? 'new',
          catalog: service?.catalog ?? null,
          firstSeen: row.firstSeen.toISOString(),
          lastSeen: row.lastSeen.toISOString(),
          count: row.count,
        };
      }),
    };
  }
}
