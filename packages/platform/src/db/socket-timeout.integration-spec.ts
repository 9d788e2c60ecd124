import { isInfrastructureError } from '@seatwise/shared/errors/infrastructure-error';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { answeredWithin } from '@seatwise/testing/wait';
import type { mongo } from 'mongoose';
import { StallingProxy } from './__fixtures__/stalling-proxy';
import { MongoConnection } from './mongo-connection';
import { nativeDb } from './native-db';

// A database server that takes a request and never answers must fail the request, not hang it: a consumer waiting
// on such a request holds (and heartbeats) its batch forever and logs nothing (#18, FerretDB with its connection
// pool exhausted). Here a real server sits behind a proxy that stops passing its answers on.
interface Doc {
  _id: string;
  n: number;
}

const SOCKET_TIMEOUT_MS = 1_000;
// An update is not retried on FerretDB (no sessions): it fails after one socket timeout. MongoDB retries it once on a
// fresh connection, whose handshake waits up to connectTimeoutMS (30 s) before failing too.
const DEADLINE_MS = 90_000;

describe('a database server that stops answering', () => {
  let scope: TestScope;
  let proxy: StallingProxy;
  let connection: MongoConnection;
  let docs: mongo.Collection<Doc>;

  beforeAll(async () => {
    scope = createTestScope();
    const upstream = new URL(scope.mongoUrl);
    proxy = await StallingProxy.start(upstream.hostname, Number(upstream.port));
    upstream.port = String(proxy.port);
    connection = await MongoConnection.open(upstream.toString(), scope.dbName, 'socket-timeout-spec', {
      socketTimeoutMs: SOCKET_TIMEOUT_MS,
    });
    docs = nativeDb(connection).collection<Doc>('docs');
    await docs.insertOne({ _id: 'a', n: 1 });
  });

  afterAll(async () => {
    await connection.onApplicationShutdown();
    await proxy.close();
    await scope.cleanup();
  });

  // Mutation: leave socketTimeoutMS out of connectMongo's options and both tests fail: the stalled update ends only
  // after ~40 s, when the driver's monitor (stalled too) gives the server up, with a closed-connection error. On a
  // server that still answers the monitor, as FerretDB did, it never ends.
  it('fails a request it never answers as the server being out of reach, then serves again', async () => {
    proxy.stall();
    const failure: unknown = await answeredWithin(
      docs.updateOne({ _id: 'a' }, { $set: { n: 2 } }).then(
        () => new Error('the stalled update was answered'),
        (error: unknown) => error,
      ),
      DEADLINE_MS,
      'the stalled update',
    );
    expect(failure).toMatchObject({ name: 'MongoNetworkTimeoutError' });
    expect(isInfrastructureError(failure)).toBe(true);

    proxy.resume();
    const after = await answeredWithin(docs.findOne({ _id: 'a' }), DEADLINE_MS, 'the read after resuming');
    // Whether the server applied the stalled update is unknown to the client: the reason consumers' writes are
    // idempotent and a failed batch is applied again whole.
    expect([1, 2]).toContain(after?.n);
  });

  it('waits two minutes by default, unless the connection string says otherwise', async () => {
    const byDefault = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'socket-timeout-default');
    const separator = scope.mongoUrl.includes('?') ? '&' : '?';
    const fromUrl = await MongoConnection.open(`${scope.mongoUrl}${separator}socketTimeoutMS=5000`, scope.dbName, 'x');
    try {
      expect(byDefault.connection.getClient().options.socketTimeoutMS).toBe(120_000);
      expect(fromUrl.connection.getClient().options.socketTimeoutMS).toBe(5_000);
    } finally {
      await byDefault.onApplicationShutdown();
      await fromUrl.onApplicationShutdown();
    }
  });
});
