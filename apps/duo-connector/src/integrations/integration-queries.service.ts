import { Injectable } from '@nestjs/common';
import type { IntegrationView } from '@seatwise/shared/contracts/connector-views';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AccountStateRepository } from '../accounts/account-state.repository';
import { aggregateStatus } from '../sync/aggregate-status';
import { type IntegrationDoc, IntegrationRepository } from './integration.repository';

// Integrations as callers see them: without their secret, with the sync status of their accounts.
@Injectable()
export class IntegrationQueries {
  constructor(
    private readonly repository: IntegrationRepository,
    private readonly accounts: AccountStateRepository,
  ) {}

  async get(id: string): Promise<IntegrationView> {
    return this.view(await this.require(id));
  }

  async list(): Promise<IntegrationView[]> {
    return Promise.all((await this.repository.list()).map((doc) => this.view(doc)));
  }

  async view(doc: IntegrationDoc): Promise<IntegrationView> {
    return toIntegrationView(doc, aggregateStatus(doc, await this.accounts.listActive(doc._id)));
  }

  // The stored integration, or COMMON.NOT_FOUND.
  async require(id: string): Promise<IntegrationDoc> {
    const doc = await this.repository.findById(id);
    if (!doc) throw integrationNotFound(id);
    return doc;
  }
}

export function integrationNotFound(id: string): AppError {
  return new AppError('COMMON.NOT_FOUND', `No integration ${id}`);
}

function toIntegrationView(doc: IntegrationDoc, syncStatus: IntegrationView['syncStatus']): IntegrationView {
  return {
    id: doc._id,
    name: doc.name,
    kind: doc.kind,
    apiHostname: doc.apiHostname,
    integrationKey: doc.integrationKey,
    status: doc.status,
    syncStatus,
    lastSyncAt: doc.lastSyncAt?.toISOString() ?? null,
    lastError: doc.lastError ? { ...doc.lastError, at: new Date(doc.lastError.at).toISOString() } : null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
