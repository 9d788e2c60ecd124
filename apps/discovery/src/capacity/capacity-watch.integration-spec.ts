import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import { createLogger } from '@seatwise/shared/logging/logger';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { Writable } from 'node:stream';
import { AccountMembersRepository, type Member } from '../inventory/account-members.repository';
import { ServerTraits } from '../inventory/server-traits';
import { CapacityWatch } from './capacity-watch';

// The stack's warning that the data has outgrown the embedded database (#19): read off the account lists on
// FerretDB 1.x against real limits, logged once per change; never on another server (nothing is listed there).
interface Logged {
  level: number;
  msg: string;
  exceeded?: string[];
  users?: number;
}

const members = (accountId: string, prefix: string, count: number): Member[] =>
  Array.from({ length: count }, (_, i) => ({ accountId, id: `${prefix}${i}` }));

describe('CapacityWatch', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let lists: AccountMembersRepository;
  let watch: CapacityWatch;
  let logged: Logged[];
  let ferretdb1: boolean;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'capacity-watch-spec');
    const traits = new ServerTraits(connection);
    ferretdb1 = await traits.isFerretdb1();
    lists = new AccountMembersRepository(connection, traits);
    logged = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString()) as Logged);
        done();
      },
    });
    const env = envSchema.parse({
      NATS_URL: 'nats://127.0.0.1:4222',
      MONGO_URL: scope.mongoUrl,
      DISCOVERY_EMBEDDED_MAX_SERVICES: '2',
      DISCOVERY_EMBEDDED_MAX_ACCOUNT_USERS: '3',
    });
    watch = new CapacityWatch(traits, lists, env, createLogger('discovery', 'info', stream));
  });

  afterAll(async () => {
    await nativeDb(connection).dropDatabase();
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  it('warns when the lists exceed a limit, again only when what is exceeded changes, and says when back within', async () => {
    await lists.add('users', [...members('DA1', 'u', 3), ...members('DA2', 'v', 1)]);
    await lists.add('services', members('DA1', 's', 2));
    await watch.tick();
    expect(logged).toEqual([]);

    await lists.add('services', members('DA2', 't', 1));
    await watch.tick();
    await watch.tick();
    if (!ferretdb1) {
      // MongoDB reads accounts by their indexes: nothing is listed, nothing is outgrown.
      expect(logged).toEqual([]);
      return;
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 40,
      users: 4,
      exceeded: ["3 services across 2 accounts (the embedded server's limit is 2)"],
    });
    expect(logged[0]?.msg).toContain('move to MongoDB');

    await lists.add('users', members('DA1', 'w', 1));
    await watch.tick();
    expect(logged).toHaveLength(2);
    expect(logged[1]?.exceeded).toEqual([
      "3 services across 2 accounts (the embedded server's limit is 2)",
      "account DA1 has 4 users (the embedded server's limit is 3 per account)",
    ]);

    await nativeDb(connection).collection('account_members').deleteMany({});
    await watch.tick();
    expect(logged).toHaveLength(3);
    expect(logged[2]).toMatchObject({ level: 30, users: 0 });
    expect(logged[2]?.msg).toContain('back within');
  });
});
