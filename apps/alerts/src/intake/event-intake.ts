import { Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '@seatwise/shared/bus/durable-consumer';
import type { EventName, EventPayload } from '@seatwise/shared/contracts/events';
import { Evaluator } from '../evaluation/evaluator';
import type { AuthLogState, SourceState } from '../sources/source-state';
import { SourceStore } from '../sources/source-store';
import {
  reduceAuthLogs,
  reduceRow,
  reduceServiceDiscovered,
  reduceServiceMatched,
  reduceSyncRun,
  reduceSyncStatus,
  reduceUsage,
  summarizeAuthLogs,
  type AuthLogSummary,
} from './reducers';

type Batch<N extends EventName> = readonly ConsumedEvent<N>[];

// Folds each batch of events into the states of their sources, then evaluates the rules reading the sources
// that changed. Stale or repeated events change nothing, so a redelivered batch opens or notifies nothing twice.
@Injectable()
export class EventIntake {
  constructor(
    private readonly store: SourceStore,
    private readonly evaluator: Evaluator,
  ) {}

  async syncStatus(batch: Batch<'integration.sync-status'>): Promise<void> {
    const changed: SourceState[] = [];
    for (const { payload } of batch) {
      // The integration's own status (accountId null) only aggregates its accounts' (the connector derives it
      // from them): alerting on both would report every condition twice.
      if (payload.accountId === null) continue;
      const event = { ...payload, accountId: payload.accountId };
      const template = reduceSyncStatus(null, event);
      if (!template) continue;
      push(changed, await this.store.update(template, (previous) => reduceSyncStatus(previous, event)));
    }
    await this.evaluator.evaluate(changed);
  }

  async authLogs(batch: Batch<'duo.authlog'>): Promise<void> {
    const summaries = summarizeAuthLogs(batch.map((event) => event.payload));
    const changed = await this.store.updateOwned(summaries, (summary) => authLogTemplate(summary), reduceAuthLogs);
    await this.evaluator.evaluate(changed);
  }

  async discovery(batch: Batch<DiscoveryEvent>): Promise<void> {
    const changed: SourceState[] = [];
    for (const event of batch) push(changed, await this.discoveryEvent(event));
    await this.evaluator.evaluate(changed);
  }

  async reconcile(batch: Batch<ReconcileEvent>): Promise<void> {
    const changed: SourceState[] = [];
    for (const event of batch) push(changed, await this.reconcileEvent(event));
    await this.evaluator.evaluate(changed);
  }

  private discoveryEvent(event: ConsumedEvent<DiscoveryEvent>): Promise<SourceState | null> {
    switch (event.name) {
      case 'discovery.service.discovered': {
        const payload = event.payload as EventPayload<'discovery.service.discovered'>;
        return this.fold(reduceServiceDiscovered(null, payload), (previous) =>
          reduceServiceDiscovered(previous, payload),
        );
      }
      case 'discovery.service.matched': {
        const payload = event.payload as EventPayload<'discovery.service.matched'>;
        return this.fold(reduceServiceMatched(null, payload), (previous) => reduceServiceMatched(previous, payload));
      }
      case 'discovery.account.usage': {
        const payload = event.payload as EventPayload<'discovery.account.usage'>;
        return this.fold(reduceUsage(null, payload), (previous) => reduceUsage(previous, payload));
      }
      case 'discovery.user.discovered':
        // No rule reads it.
        return Promise.resolve(null);
    }
  }

  private reconcileEvent(event: ConsumedEvent<ReconcileEvent>): Promise<SourceState | null> {
    switch (event.name) {
      case 'reconcile.reconciliation.updated': {
        const payload = event.payload as EventPayload<'reconcile.reconciliation.updated'>;
        return this.fold(reduceRow(null, payload), (previous) => reduceRow(previous, payload));
      }
      case 'reconcile.sync-run.updated': {
        const payload = event.payload as EventPayload<'reconcile.sync-run.updated'>;
        return this.fold(reduceSyncRun(null, payload), (previous) => reduceSyncRun(previous, payload));
      }
      case 'reconcile.mapping.changed':
        // No rule reads it.
        return Promise.resolve(null);
    }
  }

  // The state an event would make of nothing names its source; null there means the event is ignored.
  private async fold<S extends SourceState>(template: S | null, next: (previous: S | null) => S | null) {
    return template === null ? null : this.store.update(template, next);
  }
}

export type DiscoveryEvent =
  | 'discovery.service.discovered'
  | 'discovery.user.discovered'
  | 'discovery.service.matched'
  | 'discovery.account.usage';
export type ReconcileEvent =
  'reconcile.reconciliation.updated' | 'reconcile.sync-run.updated' | 'reconcile.mapping.changed';

// The state a summary makes of nothing, which names its source.
function authLogTemplate(summary: AuthLogSummary): AuthLogState {
  return reduceAuthLogs(null, summary) as AuthLogState;
}

function push(changed: SourceState[], state: SourceState | null): void {
  if (state) changed.push(state);
}
