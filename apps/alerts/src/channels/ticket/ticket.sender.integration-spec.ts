import { join } from 'node:path';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { connectSpecBus, type SpecBus } from '@seatwise/platform/testing/spec-bus';
import { startPsaSimulator, type PsaSimulator } from '@seatwise/psa-simulator/server';
import { envSchema } from '@seatwise/shared/config/alerts-env';
import { busConnectOptions } from '@seatwise/shared/config/bus-env';
import { parseEnv } from '@seatwise/shared/config/env';
import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import { DUO_EDITIONS, type DuoEdition } from '@seatwise/shared/contracts/duo-events';
import { createLogger } from '@seatwise/shared/logging/logger';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { type NodeProcess, startNode } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { hostileAlert, notificationOf } from '../__fixtures__/notifications';
import type { ResolvedChannel } from '../resolved-channel';
import { ReconcileTickets } from './reconcile-tickets';
import { TicketSender } from './ticket.sender';

// Reconcile runs from its build (apps never import apps), like the gateway's specs run their upstreams.
const RECONCILE_MAIN = join(__dirname, '..', '..', '..', '..', 'reconcile', 'dist', 'main.js');
const BILLING_BOARD = 2;
const INACTIVE_BOARD = 5;

const isEdition = (value: string): value is DuoEdition => (DUO_EDITIONS as readonly string[]).includes(value);

describe('ticket sender through reconcile (built) and the ConnectWise simulator', () => {
  let scope: TestScope;
  let duo: DuoSimulator;
  let psa: PsaSimulator;
  let reconcile: NodeProcess;
  let bus: SpecBus;
  let busConnection: BusConnection;
  let sender: TicketSender;
  let mapped = '';
  let unmapped = '';

  beforeAll(async () => {
    scope = createTestScope();
    const seed = 'alerts-tickets';
    const [accounts, usersPerAccount] = [6, 5];
    duo = await startDuoSimulator({ seed, accounts, usersPerAccount, events: 0, rateLimits: false });
    psa = await startPsaSimulator({ seed, duoPairing: { seed, accounts, usersPerAccount }, rateLimits: false });
    reconcile = startNode(
      RECONCILE_MAIN,
      serviceEnv(scope, {
        ...testEncryptionKeys(),
        MONGO_DB: `${scope.dbName}_reconcile`,
        LOG_LEVEL: 'warn',
        RECONCILE_PSA_RETRY_BASE_MS: '5',
        RECONCILE_PSA_MAX_ATTEMPTS: '3',
        SEATWISE_OUTBOUND_ALLOW: new URL(psa.url).host,
      }),
    );
    bus = await connectSpecBus(scope, 'alerts-ticket-spec', 30_000);
    await waitFor(() => bus.rpc.request('reconcile.health', {}).then((h) => h.ready), {
      timeoutMs: 60_000,
      description: `reconcile ready (${reconcile.output().slice(-500)})`,
    });
    // The Duo accounts as the connector announces them, then the ConnectWise connection (exact names map).
    const observedAt = new Date().toISOString();
    for (const account of duo.truth().accounts) {
      await bus.publisher.publish('duo.account.snapshot', {
        integrationId: 'int_spec',
        accountId: account.account_id,
        name: account.name,
        edition: isEdition(account.edition) ? account.edition : null,
        userCount: account.users,
        pendingDeletionCount: account.users - account.billable_seats,
        billableSeats: account.billable_seats,
        adminCount: 1,
        integrationCount: 1,
        observedAt,
      });
    }
    const info = psa.info;
    if (info.mode !== 'connectwise') throw new Error('the PSA simulator runs ConnectWise by default');
    const { companyId, publicKey, privateKey, clientId } = info;
    await bus.rpc.request('reconcile.psa.connections.create', {
      name: 'CW',
      kind: 'connectwise',
      siteUrl: psa.url,
      companyId,
      publicKey,
      privateKey,
      clientId,
      actor: 'spec',
    });
    const accountsList = await waitFor(
      async () => {
        const page = await bus.rpc.request('reconcile.mappings.accounts.list', { limit: 200 });
        const states = page.items.map((a) => a.state);
        return states.includes('mapped') && states.includes('unmapped') ? page.items : null;
      },
      { timeoutMs: 60_000, description: 'accounts mapped by exact name' },
    );
    mapped = accountsList.find((a) => a.state === 'mapped')?.accountId ?? '';
    unmapped = accountsList.find((a) => a.state === 'unmapped')?.accountId ?? '';

    const env = parseEnv(envSchema, serviceEnv(scope, { ...testEncryptionKeys(), ALERTS_TICKET_TIMEOUT_MS: '20000' }));
    // As the alerts service's own bus identity, whose one RPC right is opening tickets through reconcile.
    busConnection = await BusConnection.open(
      busConnectOptions(env, 'alerts'),
      'alerts-ticket-sender',
      createLogger('alerts', 'silent'),
    );
    sender = new TicketSender(new ReconcileTickets(busConnection, env));
  });

  afterAll(async () => {
    await busConnection.nc.close();
    await bus.nc.close();
    reconcile.kill('SIGTERM');
    await reconcile.exited;
    await Promise.all([duo.close(), psa.close()]);
    await scope.cleanup();
  });

  const channel = (boardId: number): ResolvedChannel => ({ id: 'ach_t', name: 'billing', kind: 'ticket', boardId });

  it('files a ticket on the board for the account’s company, once per notification id', async () => {
    const before = psa.truth().tickets.length;
    const alert = hostileAlert({ accountId: mapped, accountName: 'Mapped Co' });
    const notification = notificationOf('alert_t1.opened.ach_t', [alert]);

    const first = await sender.send(channel(BILLING_BOARD), notification);
    expect(first).toMatchObject({ ok: true });
    expect(first.ok && first.detail).toMatch(/^ticket #\d+ for /);
    const filed = psa.truth().tickets.slice(before);
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({
      boardId: BILLING_BOARD,
      summary: 'Seatwise Alert: Sync failing for <script>alert(1)</script> — Mapped Co (' + mapped + ')',
    });
    expect(filed[0]?.initialDescription).toContain("Duo answered 40103 'invalid signature'");

    // A retry of the same notification (a crash before the delivery was recorded) files nothing new.
    const again = await sender.send(channel(BILLING_BOARD), notification);
    expect(again).toMatchObject({ ok: true, detail: expect.stringContaining('already filed') as string });
    expect(psa.truth().tickets).toHaveLength(before + 1);
  });

  it('refuses, without retry, an account that is not mapped and a board that takes no tickets', async () => {
    const before = psa.truth().tickets.length;
    const notMapped = await sender.send(
      channel(BILLING_BOARD),
      notificationOf('alert_t2.opened.ach_t', [hostileAlert({ accountId: unmapped })]),
    );
    expect(notMapped).toMatchObject({
      ok: false,
      retryable: false,
      code: DELIVERY_CODES.TICKET_REFUSED,
      detail: expect.stringContaining('RECONCILE.TICKET_ACCOUNT_NOT_MAPPED') as string,
    });
    const inactive = await sender.send(
      channel(INACTIVE_BOARD),
      notificationOf('alert_t3.opened.ach_t', [hostileAlert({ accountId: mapped })]),
    );
    expect(inactive).toMatchObject({ ok: false, retryable: false, code: DELIVERY_CODES.TICKET_REFUSED });
    expect(psa.truth().tickets).toHaveLength(before);
  });

  it('files nothing for a notification about no account', async () => {
    const before = psa.truth().tickets.length;
    const outcome = await sender.send(
      channel(BILLING_BOARD),
      notificationOf('alert_t4.opened.ach_t', [hostileAlert({ accountId: null })]),
    );
    expect(outcome).toEqual({ ok: true, detail: 'not about an account: no ticket filed' });
    expect(psa.truth().tickets).toHaveLength(before);
  });

  it('reports reconcile not answering as retryable', async () => {
    const stopped = createTestScope();
    const env = parseEnv(envSchema, serviceEnv(stopped, { ...testEncryptionKeys(), ALERTS_TICKET_TIMEOUT_MS: '500' }));
    // Another bus prefix: no reconcile listens there.
    const outcome = await new TicketSender(new ReconcileTickets(busConnection, env)).send(
      channel(BILLING_BOARD),
      notificationOf('alert_t5.opened.ach_t', [hostileAlert({ accountId: mapped })]),
    );
    expect(outcome).toMatchObject({ ok: false, retryable: true, code: DELIVERY_CODES.TICKET_UNAVAILABLE });
  });
});
