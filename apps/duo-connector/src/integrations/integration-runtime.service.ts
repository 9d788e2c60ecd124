import { Injectable } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { DuoClientFactory } from '../duo/duo-client.factory';
import { ConnectorMetrics } from '../metrics/connector-metrics';
import { AccountTracker } from '../sync/account-tracker';
import { JobScheduler } from '../sync/job-scheduler';
import { ChildAccountsJob } from './child-accounts.job';
import { type IntegrationDoc, integrationSecretOwner } from './integration.repository';

// Turns stored integrations into polled accounts: one for an Admin API integration, every child
// (refreshed periodically: new ones picked up, removed ones stopped) for an Accounts API one.
// Every job of an integration is in the scheduler group named by its id.
@Injectable()
export class IntegrationRuntime {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly tracker: AccountTracker,
    private readonly children: ChildAccountsJob,
    private readonly clients: DuoClientFactory,
    private readonly cipher: SecretCipher,
    private readonly metrics: ConnectorMetrics,
  ) {}

  async start(doc: IntegrationDoc): Promise<void> {
    this.stop(doc._id);
    const client = this.clients.create({
      apiHostname: doc.apiHostname,
      integrationKey: doc.integrationKey,
      secretKey: this.cipher.decrypt(doc.secret, integrationSecretOwner(doc._id)),
    });
    if (doc.kind === 'admin') {
      // An Admin API integration belongs to exactly one account; its key identifies that account.
      const key = { integrationId: doc._id, accountId: doc.integrationKey };
      this.metrics.labelAccountByIntegration(doc.integrationKey, doc._id);
      await this.tracker.track(key, { name: doc.name, apiHostname: null, child: false }, client);
      return;
    }
    this.scheduler.add(this.children.for(doc, client));
  }

  stop(integrationId: string): void {
    this.scheduler.removeGroup(integrationId);
  }

  syncNow(integrationId: string): void {
    this.scheduler.runGroupNow(integrationId);
  }
}
