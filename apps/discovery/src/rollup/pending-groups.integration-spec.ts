import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { service } from '../__fixtures__/service-doc';
import { AccountMembersRepository } from '../inventory/account-members.repository';
import { ServerTraits } from '../inventory/server-traits';
import { ServiceFiguresRepository } from '../inventory/service-figures.repository';
import { ServicesRepository } from '../inventory/services.repository';
import { GroupsRepository } from './groups.repository';
import { PendingGroupsRepository } from './pending-groups.repository';
import { RollupService } from './rollup.service';

// Auth-log batches mark the groups of their services pending; they are rebuilt once per fetch (#19). The marks are
// stored, so a replica that died between its batches and its drain leaves them to whichever replica drains next.
describe('groups pending their rollup', () => {
  let scope: TestScope;
  let connection: MongoConnection;
  let services: ServicesRepository;

  beforeAll(async () => {
    scope = createTestScope();
    connection = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'pending-groups-spec');
    services = new ServicesRepository(
      connection,
      new AccountMembersRepository(connection, new ServerTraits(connection)),
      new ServiceFiguresRepository(connection),
    );
  });

  afterAll(async () => {
    await connection.onApplicationShutdown();
    await scope.cleanup();
  });

  const replica = () => {
    const groups = new GroupsRepository(connection);
    return { groups, rollup: new RollupService(services, groups, new PendingGroupsRepository(connection)) };
  };

  // Mutation: marks kept in memory (mark → refresh-later list of the replica) leave the groups unbuilt here.
  it('rebuilds on any replica the groups a batch marked, once, and forgets the marks', async () => {
    const slackA = service('slack', 'acct-a', 'Slack');
    const slackB = service('slack', 'acct-b', 'Slack', { userCount: 4 });
    const payroll = service('payroll', 'acct-a', 'Payroll Portal');
    await services.save([slackA, slackB, payroll], 'replace');

    const died = replica();
    await died.rollup.mark(41, [slackA.groupKey, payroll.groupKey]);
    await died.rollup.mark(42, [slackB.groupKey]);
    expect(await died.groups.get(slackA.groupKey)).toBeNull();

    const next = replica();
    await next.rollup.drain();
    expect(await next.groups.get(slackA.groupKey)).toMatchObject({ customers: 2, users: 5, services: 2 });
    expect(await next.groups.get(payroll.groupKey)).toMatchObject({ customers: 1, users: 1, services: 1 });
    expect(await new PendingGroupsRepository(connection).all()).toEqual({ ids: [], keys: [] });
  });

  it('rebuilds a group again for a batch marked after the last drain', async () => {
    const { rollup, groups } = replica();
    const zoom = service('zoom', 'acct-a', 'Zoom');
    await services.save([zoom], 'replace');
    await rollup.mark(43, [zoom.groupKey]);
    await rollup.drain();
    expect(await groups.get(zoom.groupKey)).toMatchObject({ users: 1 });

    await services.save([{ ...zoom, userCount: 3, lastBatch: 44 }], 'replace');
    await rollup.drain();
    expect(await groups.get(zoom.groupKey)).toMatchObject({ users: 1 });
    await rollup.mark(44, [zoom.groupKey]);
    await rollup.drain();
    expect(await groups.get(zoom.groupKey)).toMatchObject({ users: 3 });
  });
});
