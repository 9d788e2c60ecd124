import type { BusConnection } from '@seatwise/platform/bus/bus-connection';
import type { Env } from '@seatwise/shared/config/connector-env';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import type { IntegrationRuntime } from './integration-runtime.service';
import { IntegrationWatcher } from './integration-watcher.service';
import type { IntegrationDoc, IntegrationRepository } from './integration.repository';

const doc = (id: string, version: number, polling = true) =>
  ({ _id: id, updatedAt: new Date(version), polling }) as IntegrationDoc;

// What runs here, as IntegrationRuntime keeps it: the version each integration started with.
function harness(stored: IntegrationDoc[], failStart?: (d: IntegrationDoc) => Error | null) {
  const running = new Map<string, number>();
  const started: string[] = [];
  const runtime = {
    runs: (d: IntegrationDoc) => running.get(d._id) === d.updatedAt.getTime(),
    runningIds: () => [...running.keys()],
    start: (d: IntegrationDoc) => {
      started.push(`${d._id}@${d.updatedAt.getTime()}`);
      const error = failStart?.(d) ?? null;
      if (error) return Promise.reject(error);
      running.set(d._id, d.updatedAt.getTime());
      return Promise.resolve();
    },
    stop: (id: string) => {
      running.delete(id);
      return Promise.resolve();
    },
  } as unknown as IntegrationRuntime;
  const repository = { list: () => Promise.resolve(stored) } as unknown as IntegrationRepository;
  const logger = { warn: () => undefined } as unknown as Logger;
  const watcher = new IntegrationWatcher({} as BusConnection, repository, runtime, {} as Env, logger);
  return { watcher, running, started, stored };
}

describe('IntegrationWatcher.resync', () => {
  it('starts what is stored and not running, restarts a newer version, and stops what is gone or not polling', async () => {
    const h = harness([doc('a', 1), doc('b', 1), doc('c', 1, false)]);
    h.running.set('b', 0);
    h.running.set('c', 1);
    h.running.set('gone', 1);
    await h.watcher.resync();
    expect(h.started.sort()).toEqual(['a@1', 'b@1']);
    expect([...h.running.keys()].sort()).toEqual(['a', 'b']);
    // The same versions again: nothing restarts.
    await h.watcher.resync();
    expect(h.started).toHaveLength(2);
  });

  it('does not try again every round a version whose secret it cannot read, but does a new version', async () => {
    const h = harness([doc('a', 1)], (d) =>
      d.updatedAt.getTime() === 1 ? new AppError('SECRETS.KEY_MISSING', 'no key k2') : null,
    );
    await expect(h.watcher.resync()).rejects.toThrow('no key k2');
    await h.watcher.resync();
    expect(h.started).toEqual(['a@1']);
    h.stored[0] = doc('a', 2);
    await h.watcher.resync();
    expect(h.started).toEqual(['a@1', 'a@2']);
    expect(h.running.get('a')).toBe(2);
  });

  it('tries a start that failed on infrastructure again at the next round', async () => {
    let fail = true;
    const h = harness([doc('a', 1)], () => (fail ? new Error('connection refused') : null));
    await expect(h.watcher.resync()).rejects.toThrow('connection refused');
    fail = false;
    await h.watcher.resync();
    expect(h.running.get('a')).toBe(1);
  });
});
