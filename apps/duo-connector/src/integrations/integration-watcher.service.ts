import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import { eventFilter } from '@seatwise/shared/bus/subjects';
import type { Env } from '@seatwise/shared/config/connector-env';
import { integrationChangedEventSchema } from '@seatwise/shared/contracts/integration-events';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { jsonOrUndefined } from '@seatwise/shared/validation/parse';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';
import { IntegrationRuntime } from './integration-runtime.service';
import { IntegrationRepository } from './integration.repository';

// An integration change reaches every replica (#18), not only the one that handled the request: each watches the
// `integration.changed` events and applies the stored integration (new keys, deleted, sync now); a round every lease
// period compares what runs here with what is stored, for an event missed while disconnected.
@Injectable()
export class IntegrationWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pending = Promise.resolve();
  // The version of each integration whose secret this replica could not read.
  private readonly unreadable = new Map<string, number>();

  constructor(
    private readonly bus: BusConnection,
    private readonly repository: IntegrationRepository,
    private readonly runtime: IntegrationRuntime,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.bus.nc.subscribe(eventFilter(this.env.SEATWISE_BUS_PREFIX, 'integration.changed'));
    void this.pump(this.subscription);
    this.timer = setInterval(() => {
      this.serially(() => this.resync());
    }, this.env.CONNECTOR_LEASE_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.subscription?.unsubscribe();
    await this.pending;
  }

  // Every stored integration runs here in its stored version, and nothing else does.
  async resync(): Promise<void> {
    const stored = await this.repository.list();
    for (const doc of stored) await this.apply(doc._id, doc);
    const ids = new Set(stored.map((d) => d._id));
    for (const id of this.runtime.runningIds()) if (!ids.has(id)) await this.runtime.stop(id);
  }

  private async pump(subscription: Subscription): Promise<void> {
    for await (const message of subscription) {
      const parsed = integrationChangedEventSchema.safeParse(jsonOrUndefined(message.string()));
      if (!parsed.success) {
        this.logger.warn({ reason: formatIssues(parsed.error) }, 'integration change ignored: breaks its contract');
        continue;
      }
      const { integrationId, outcome, action } = parsed.data;
      if (outcome !== 'applied' || integrationId === null) continue;
      this.serially(async () => {
        if (action === 'sync-now') this.runtime.syncNow(integrationId);
        else await this.apply(integrationId, await this.repository.findById(integrationId));
      });
    }
  }

  private async apply(id: string, doc: Awaited<ReturnType<IntegrationRepository['findById']>>): Promise<void> {
    if (!doc || !doc.polling) {
      if (this.runtime.runningIds().includes(id)) await this.runtime.stop(id);
      return;
    }
    if (this.runtime.runs(doc) || this.unreadable.get(id) === doc.updatedAt.getTime()) return;
    try {
      await this.runtime.start(doc);
      this.unreadable.delete(id);
    } catch (error) {
      // A secret this replica cannot read stays unreadable until the integration or the replica's keys change:
      // not tried again every round (the integration's error says why; see IntegrationBootstrap).
      if (error instanceof AppError && error.code.startsWith('SECRETS.')) {
        this.unreadable.set(id, doc.updatedAt.getTime());
      }
      throw error;
    }
  }

  // One change at a time, in arrival order; a failure is logged and the next resync round tries again.
  private serially(run: () => Promise<void>): void {
    this.pending = this.pending.then(run).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'integration change not applied here yet');
    });
  }
}
