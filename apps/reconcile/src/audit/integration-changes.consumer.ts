import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { LOGGER } from '@seatwise/platform/tokens';
import { runConsumerLoop } from '@seatwise/shared/bus/consumer-loop';
import type { ConsumedEvent } from '@seatwise/shared/bus/durable-consumer';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { IntegrationChangedEvent } from '@seatwise/shared/contracts/integration-events';
import type { Logger } from '@seatwise/shared/logging/logger';
import { type AuditDoc, AuditRepository } from './audit.repository';

// Integration changes the connector reports (durable consumer `reconcile-integration-changes`) join the one audit
// log, beside PSA connections and reconciliation decisions: who created, changed, deleted or synced which Duo
// integration, and whether it was applied.
@Injectable()
export class IntegrationChangesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly audit: AuditRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = await this.bus.durableConsumer(consumers.reconcileIntegrationChanges);
    this.loop = runConsumerLoop(consumer, (batch) => this.handle(batch), {
      signal: this.abort.signal,
      max: 200,
      expiresMs: 2_000,
      onError: (error, stage) => {
        this.logger.warn({ err: error, stage }, 'integration changes consumer error');
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async handle(batch: ConsumedEvent<'integration.changed'>[]): Promise<void> {
    for (const { payload } of batch) await this.audit.insertOnce(auditEntryOf(payload));
  }
}

// Time-ordered like every audit id (by when the change was tried), and unique per change.
export function auditEntryOf(change: IntegrationChangedEvent): AuditDoc {
  const at = new Date(change.at);
  return {
    _id: `aud_${at.getTime().toString(36).padStart(9, '0')}${change.changeId}`,
    at,
    actor: change.actor,
    action: `integration.${change.action}`,
    targetKind: 'integration',
    targetId: change.integrationId ?? '',
    accountId: null,
    note: null,
    details: { outcome: change.outcome, code: change.code, fields: change.fields },
  };
}
