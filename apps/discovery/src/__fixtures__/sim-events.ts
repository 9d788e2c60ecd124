import { authRecord } from '@seatwise/duo-simulator/data/events';
import { userObject } from '@seatwise/duo-simulator/data/users';
import { buildWorld } from '@seatwise/duo-simulator/data/world';
import type { World } from '@seatwise/duo-simulator/data/model';
import { resolveOptions, type DuoSimOptions } from '@seatwise/duo-simulator/options';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import type { EventPublisher } from '@seatwise/shared/bus/publisher';
import type {
  DuoAuthLogEvent,
  DuoUserEvent,
  DuoUserSnapshotCompleteEvent,
} from '@seatwise/shared/contracts/duo-events';

// A Duo simulator plus the same world rebuilt here (same options, pinned anchor), so specs publish
// exactly the records the simulator serves and compare with its truth, without polling its HTTP API
// (that is the connector's job, tested there).
export interface SimData {
  sim: DuoSimulator;
  world: World;
  anchor: number;
  integrationId: string;
}

export async function startSimData(options: DuoSimOptions): Promise<SimData> {
  const anchor = Date.now();
  const full = { rateLimits: false as const, historyDays: 30, anchorTime: anchor, ...options };
  const sim = await startDuoSimulator(full);
  return { sim, world: buildWorld(resolveOptions(full), anchor), anchor, integrationId: 'int-spec' };
}

// Every auth event of every account, generated account by account in chunks (bounded memory).
export function* authEvents(data: SimData, chunk = 2_000): Generator<DuoAuthLogEvent[]> {
  const fetchedAt = new Date(data.anchor).toISOString();
  for (const account of data.world.accounts) {
    const total = account.auth.countAtOrBefore(data.anchor);
    for (let start = 0; start < total; start += chunk) {
      const events: DuoAuthLogEvent[] = [];
      for (let i = start; i < Math.min(total, start + chunk); i++) {
        events.push({
          integrationId: data.integrationId,
          accountId: account.id,
          fetchedAt,
          record: authRecord(account, i) as DuoAuthLogEvent['record'],
        });
      }
      yield events;
    }
  }
}

export async function publishAuthEvents(publisher: EventPublisher, data: SimData): Promise<number> {
  let count = 0;
  for (const events of authEvents(data)) {
    await publisher.publishAll('duo.authlog', events, { window: 512 });
    count += events.length;
  }
  return count;
}

// A full users snapshot of one account (optionally without some users) and its end marker. The users in `late`
// are published after the end marker (and after `beforeLate`), as a replica's hand-back delivers them (#18); they
// count in its userCount.
export async function publishUsersSnapshot(
  publisher: EventPublisher,
  data: SimData,
  accountIndex: number,
  snapshotId: string,
  skip: ReadonlySet<number> = new Set(),
  late: ReadonlySet<number> = new Set(),
  beforeLate: () => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  const account = data.world.accounts[accountIndex];
  if (!account) throw new Error(`no account ${accountIndex}`);
  const startedAt = new Date().toISOString();
  const onTime: DuoUserEvent[] = [];
  const lateUsers: DuoUserEvent[] = [];
  for (let i = 0; i < account.statuses.length; i++) {
    if (skip.has(i)) continue;
    (late.has(i) ? lateUsers : onTime).push({
      integrationId: data.integrationId,
      accountId: account.id,
      snapshotId,
      record: userObject(account, i, data.anchor) as DuoUserEvent['record'],
      observedAt: new Date().toISOString(),
    });
  }
  await publisher.publishAll('duo.users.record', onTime);
  const complete: DuoUserSnapshotCompleteEvent = {
    integrationId: data.integrationId,
    accountId: account.id,
    snapshotId,
    userCount: onTime.length + lateUsers.length,
    startedAt,
    completedAt: new Date().toISOString(),
  };
  await publisher.publish('duo.users.snapshot-complete', complete);
  await beforeLate();
  await publisher.publishAll('duo.users.record', lateUsers);
  return onTime.length + lateUsers.length;
}
