import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { DuoClientFactory } from '../duo/duo-client.factory';
import { ConnectorLeases } from '../leases/connector-leases';
import { ConnectorMetrics } from '../metrics/connector-metrics';
import { AccountTracker } from '../sync/account-tracker';
import { JobScheduler } from '../sync/job-scheduler';
import { AccountsListed } from './accounts-listed';
import { ChildAccountsJob } from './child-accounts.job';
import { type IntegrationDoc, integrationSecretOwner } from './integration.repository';

// Turns stored integrations into polled accounts: one for an Admin API integration, every child
// (refreshed periodically: new ones picked up, removed ones stopped) for an Accounts API one.
// Every job of an integration is in the scheduler group named by its id.
@Injectable()
export class IntegrationRuntime implements OnModuleInit {
  // The version (updatedAt) of each integration running here: a change another replica made shows as a newer one.
  private readonly running = new Map<string, number>();
  // One start or stop of an integration at a time: a request and the watcher's resync can both start it.
  private readonly serial = new KeyedSerializer();

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly tracker: AccountTracker,
    private readonly children: ChildAccountsJob,
    private readonly leases: ConnectorLeases,
    private readonly listed: AccountsListed,
    private readonly clients: DuoClientFactory,
    private readonly cipher: SecretCipher,
    private readonly metrics: ConnectorMetrics,
  ) {}

  // The listing lease taken here: the listing runs now (a job waiting for its lease is not due by itself); another
  // replica's listing stored: the follower runs now.
  onModuleInit(): void {
    this.leases.onUsable((lease) => {
      const integrationId = ChildAccountsJob.integrationOf(lease);
      if (integrationId !== null) this.scheduler.runNow(`${integrationId}:children`);
    });
    this.listed.onListed((integrationId) => {
      this.scheduler.runNow(`${integrationId}:follow`);
    });
  }

  start(doc: IntegrationDoc): Promise<void> {
    return this.serial.run(doc._id, () => this.restart(doc));
  }

  stop(integrationId: string): Promise<void> {
    return this.serial.run(integrationId, () => this.halt(integrationId));
  }

  private async restart(doc: IntegrationDoc): Promise<void> {
    await this.halt(doc._id);
    const client = this.clients.create({
      apiHostname: doc.apiHostname,
      integrationKey: doc.integrationKey,
      secretKey: this.cipher.decrypt(doc.secret, integrationSecretOwner(doc._id)),
    });
    this.running.set(doc._id, doc.updatedAt.getTime());
    if (doc.kind === 'admin') {
      // An Admin API integration belongs to exactly one account; its key identifies that account.
      const key = { integrationId: doc._id, accountId: doc.integrationKey };
      this.metrics.labelAccountByIntegration(doc.integrationKey, doc._id);
      await this.tracker.track(key, { name: doc.name, apiHostname: null, child: false }, client);
      return;
    }
    this.scheduler.add(this.children.for(doc, client));
    this.scheduler.add(this.children.follower(doc, client));
  }

  private async halt(integrationId: string): Promise<void> {
    this.running.delete(integrationId);
    this.scheduler.removeGroup(integrationId);
    await this.tracker.untrackIntegration(integrationId);
    await this.leases.unwant(ChildAccountsJob.leaseOf(integrationId));
  }

  // Whether this version of the integration is the one running here.
  runs(doc: Pick<IntegrationDoc, '_id' | 'updatedAt'>): boolean {
    return this.running.get(doc._id) === doc.updatedAt.getTime();
  }

  runningIds(): string[] {
    return [...this.running.keys()];
  }

  syncNow(integrationId: string): void {
    this.children.force(integrationId);
    this.scheduler.runGroupNow(integrationId);
  }
}
