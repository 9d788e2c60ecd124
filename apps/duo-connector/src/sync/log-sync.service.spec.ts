import type { Clock } from '@seatwise/platform/clock/clock';
import type { Env } from '@seatwise/shared/config/connector-env';
import type { AccountStateRepository } from '../accounts/account-state.repository';
import type { DuoClient } from '../duo/duo-client';
import { ConnectorMetrics } from '../metrics/connector-metrics';
import type { AccountTarget } from './account-target';
import { LogSyncService } from './log-sync.service';
import type { RecordPublisher } from './record-publisher';
import type { StatusUpdate, SyncStatusService } from './sync-status.service';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const HOUR = 3_600_000;

// How far behind an account is reported after one page of auth logs. Duo's and the database's side are fakes:
// what is under test is the lag the service derives from the page.
function harness(
  page: { records: { timestamp: number }[]; nextOffset: [string, string] | null },
  cursor: { at: [string, string] | null; movedMeanwhile?: boolean } = { at: null },
) {
  const reports: StatusUpdate[] = [];
  const state = { logMintime: NOW - 24 * HOUR, logCursor: cursor.at, removedAt: null };
  const advanced: [string, string][] = [];
  const accounts = {
    get: () => Promise.resolve(state),
    update: () => Promise.resolve(),
    // Another replica moving the cursor first makes the compare-and-set miss.
    advanceLogCursor: (_key: unknown, _from: unknown, to: [string, string]) => {
      if (cursor.movedMeanwhile) return Promise.resolve(false);
      advanced.push(to);
      return Promise.resolve(true);
    },
  };
  const records = { publish: () => Promise.resolve() };
  const status = {
    report: (_key: unknown, update: StatusUpdate) => {
      reports.push(update);
      return Promise.resolve();
    },
  };
  const clock = { now: () => new Date(NOW), nowMs: () => NOW };
  const service = new LogSyncService(
    accounts as unknown as AccountStateRepository,
    records as unknown as RecordPublisher,
    status as unknown as SyncStatusService,
    new ConnectorMetrics(),
    clock as Clock,
    { CONNECTOR_LOG_POLL_INTERVAL_MS: 60_000 } as Env,
  );
  const client = { authLogs: () => Promise.resolve({ ...page, totalObjects: page.records.length }) };
  const target: AccountTarget = {
    key: { integrationId: 'i1', accountId: 'DA1' },
    client: client as unknown as DuoClient,
    accountParam: undefined,
  };
  return { service, target, reports, advanced };
}

describe('LogSyncService lag', () => {
  it('reports an account caught up after a page that is not full, however old its last record', async () => {
    const lastRecordAt = NOW - 2 * HOUR;
    const { service, target, reports } = harness({
      records: [{ timestamp: lastRecordAt / 1000 }],
      nextOffset: [String(lastRecordAt), 'tx1'],
    });
    expect(await service.syncPage(target, 1)).toBe('caught-up');
    expect(reports).toEqual([expect.objectContaining({ syncStatus: 'idle', behindMs: 0 })]);
  });

  it('reports how far a full page is behind the window it reads', async () => {
    const cursorAt = NOW - 5 * HOUR;
    const { service, target, reports } = harness({
      records: Array.from({ length: 1_000 }, () => ({ timestamp: cursorAt / 1000 })),
      nextOffset: [String(cursorAt), 'tx1000'],
    });
    expect(await service.syncPage(target, 1)).toBe('more');
    // The window ends 2 minutes before now (Duo's own delay).
    expect(reports).toEqual([expect.objectContaining({ syncStatus: 'backfilling', behindMs: 5 * HOUR - 2 * 60_000 })]);
  });
});

describe('LogSyncService cursor', () => {
  const full = (at: number) => Array.from({ length: 1_000 }, () => ({ timestamp: at / 1000 }));

  it('leaves a cursor another replica moved meanwhile, reports nothing, and reads again', async () => {
    const at = NOW - 5 * HOUR;
    const { service, target, reports, advanced } = harness(
      { records: full(at), nextOffset: [String(at), 'tx1000'] },
      { at: [String(at - HOUR), 'tx1'], movedMeanwhile: true },
    );
    expect(await service.syncPage(target, 1)).toBe('more');
    expect(advanced).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('never moves the cursor back to an offset behind it', async () => {
    const at = NOW - 5 * HOUR;
    const { service, target, advanced } = harness(
      { records: full(at - HOUR), nextOffset: [String(at - HOUR), 'tx1000'] },
      { at: [String(at), 'tx9'] },
    );
    expect(await service.syncPage(target, 1)).toBe('caught-up');
    expect(advanced).toEqual([]);
  });
});
