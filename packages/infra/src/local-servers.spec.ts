import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExecutable } from './__fixtures__/executable';
import { ferretdbServer, findLocalMongo, mongodServer, natsServer } from './local-servers';

describe('local servers', () => {
  it('runs nats-server with JetStream, its store in the data dir, on loopback only', () => {
    const nats = natsServer('/usr/sbin/nats-server');
    expect(nats.args(4223, '/data/nats')).toEqual(['-a', '127.0.0.1', '-p', '4223', '-js', '-sd', '/data/nats']);
    expect(nats.url(4223)).toBe('nats://127.0.0.1:4223');
  });

  it('runs mongod and FerretDB on loopback with their data in the data dir, behind the same URL', () => {
    const mongod = mongodServer('/usr/bin/mongod');
    const ferretdb = ferretdbServer('/cache/bin/ferretdb');
    expect(mongod.args(27018, '/data/m')).toEqual(expect.arrayContaining(['--dbpath', '/data/m', '--port', '27018']));
    expect(mongod.args(27018, '/data/m')).toContain('127.0.0.1');
    expect(ferretdb.args(27018, '/data/f')).toEqual(
      expect.arrayContaining(['--handler=sqlite', '--sqlite-url=file:/data/f/', '--listen-addr=127.0.0.1:27018']),
    );
    expect(mongod.url(27018)).toBe('mongodb://127.0.0.1:27018/');
    expect(ferretdb.url(27018)).toBe(mongod.url(27018));
  });

  it('prefers mongod to FerretDB when both are installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seatwise-servers-'));
    try {
      for (const name of ['mongod', 'ferretdb']) writeExecutable(join(dir, 'bin', name));
      const found = findLocalMongo({ PATH: join(dir, 'bin'), SEATWISE_CACHE_DIR: dir });
      expect(found?.program).toBe('mongod');
      expect(found?.binary).toBe(join(dir, 'bin', 'mongod'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
