import type { EventPayload } from '@seatwise/shared/contracts/events';
import {
  reduceAuthLogs,
  reduceServiceDiscovered,
  reduceServiceMatched,
  reduceSyncRun,
  reduceSyncStatus,
  summarizeAuthLogs,
} from './reducers';

const status = (revision: number, error: string | null, at: string) => ({
  integrationId: 'int1',
  accountId: 'A1',
  syncStatus: error ? ('error' as const) : ('idle' as const),
  behindMs: null,
  behindRecordsEstimate: null,
  error: error ? { code: error, message: 'm' } : null,
  lastSuccessAt: null,
  at,
  revision,
});

describe('reducers', () => {
  // Mutation tried: without the revision check a late revision 1 put the account back in error after revision 2
  // cleared it, and the first expectation below failed (as did the replay in alerts.integration-spec.ts).
  it('drop a sync status older than the stored one, and keep when an error began', () => {
    const first = reduceSyncStatus(null, status(1, 'X', '2026-12-01T10:00:00Z'));
    const second = reduceSyncStatus(first, status(2, 'Y', '2026-12-01T10:05:00Z'));
    expect(second).toMatchObject({ errorCode: 'Y', errorSinceMs: Date.parse('2026-12-01T10:00:00Z') });
    const cleared = reduceSyncStatus(second, status(3, null, '2026-12-01T10:06:00Z'));
    expect(cleared).toMatchObject({ errorCode: null, errorSinceMs: null });
    expect(reduceSyncStatus(cleared, status(1, 'X', '2026-12-01T10:00:00Z'))).toBeNull();
  });

  it('fold auth logs into the newest log and the newest fraud per account, idempotently', () => {
    const log = (accountId: string, txid: string, timestamp: number, result: string): EventPayload<'duo.authlog'> => ({
      integrationId: 'int1',
      accountId,
      fetchedAt: '2026-12-01T10:00:00Z',
      record: {
        txid,
        timestamp,
        event_type: 'authentication',
        result,
        user: { key: 'u', name: 'bob' },
        application: { key: 'a', name: 'A' },
      },
    });
    const summaries = summarizeAuthLogs([
      log('A1', 't1', 100, 'success'),
      log('A1', 't2', 90, 'fraud'),
      log('A2', 't3', 50, 'denied'),
    ]);
    expect(summaries).toEqual([
      { accountId: 'A1', lastLogMs: 100_000, lastFraud: { ms: 90_000, txid: 't2', user: 'bob' } },
      { accountId: 'A2', lastLogMs: 50_000, lastFraud: null },
    ]);
    const state = reduceAuthLogs(null, summaries[0]!);
    expect(state).toMatchObject({ lastLogMs: 100_000, lastFraudMs: 90_000, lastFraudTxid: 't2' });
    // The same batch again changes nothing.
    expect(reduceAuthLogs(state, summaries[0]!)).toBeNull();
  });

  it('take only finished sync runs, the latest winning', () => {
    const run = (state: 'failed' | 'complete' | 'in_progress', finishedAt: string | null) => ({
      runId: 'r',
      connectionId: 'cw1',
      kind: 'quick' as const,
      state,
      requestedAt: '2026-12-01T10:00:00Z',
      startedAt: null,
      finishedAt,
      error: state === 'failed' ? { code: 'RECONCILE.PSA_CREDENTIALS_INVALID', message: '401' } : null,
      revision: 1,
      at: finishedAt ?? '2026-12-01T10:00:00Z',
    });
    expect(reduceSyncRun(null, run('in_progress', null))).toBeNull();
    const failed = reduceSyncRun(null, run('failed', '2026-12-01T10:01:00Z'));
    expect(failed).toMatchObject({ failedCode: 'RECONCILE.PSA_CREDENTIALS_INVALID' });
    const ok = reduceSyncRun(failed, run('complete', '2026-12-01T10:02:00Z'));
    expect(ok).toMatchObject({ failedCode: null });
    expect(reduceSyncRun(ok, run('failed', '2026-12-01T10:01:00Z'))).toBeNull();
  });

  it('never make a matched service unmatched again', () => {
    const discovered = {
      accountId: 'A1',
      serviceId: 's1',
      applicationKey: 'k',
      name: 'App',
      firstSeen: '2026-12-01T10:00:00Z',
      catalog: null,
    };
    const unmatched = reduceServiceDiscovered(null, discovered);
    expect(unmatched).toMatchObject({ unmatched: true });
    const matched = reduceServiceMatched(unmatched, {
      accountId: 'A1',
      serviceId: 's1',
      applicationKey: 'k',
      name: 'App',
      catalog: { productId: 'p', productName: 'P', method: 'manual' },
      automatic: false,
      actor: 'x',
      actionId: 'a1',
      at: '2026-12-01T10:05:00Z',
    });
    expect(matched).toMatchObject({ unmatched: false });
    expect(reduceServiceDiscovered(matched, discovered)).toBeNull();
  });
});
