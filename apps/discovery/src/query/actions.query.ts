import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { actionListRequestSchema, ActionView } from '@seatwise/shared/contracts/discovery-views';
import type { mongo } from 'mongoose';
import { actionView } from '../api/views';
import { type ActionDoc, ActionsRepository } from '../db/actions.repository';
import { findPage, type Page } from './cursor';

type ListRequest = z.output<typeof actionListRequestSchema>;

@Injectable()
export class ActionsQuery {
  constructor(private readonly actions: ActionsRepository) {}

  // Newest first.
  list(request: ListRequest): Promise<Page<ActionView>> {
    const filter: mongo.Filter<ActionDoc>[] = [];
    if (request.serviceId) filter.push({ serviceId: request.serviceId });
    if (request.automatic !== undefined) filter.push({ automatic: request.automatic });
    const base = filter.length > 0 ? { $and: filter } : {};
    const scope = { accountId: request.accountId };
    return findPage((f, sort, limit) => this.actions.find(scope, f, sort, limit), base, { ...request, sort: '-at' }, {}, actionView);
  }
}
