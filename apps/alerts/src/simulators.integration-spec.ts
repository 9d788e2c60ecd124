import { jetstreamManager } from '@nats-io/jetstream';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import { streamName } from '@seatwise/shared/bus/subjects';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { dropDatabase, serviceEnv } from '@seatwise/testing/scope';
import { fastConnectorEnv, outboundAllowEnv } from '@seatwise/testing/service-env';
import { type NodeProcess, startNode } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { join } from 'node:path';
import { AlertInbox, mailpitSmtpEnv, notificationKey } from './__fixtures__/alert-inbox';
import { type Alerts, startAlerts, stopAlerts } from './__fixtures__/alerts-app';
import { WebhookReceiver } from './__fixtures__/webhook-receiver';

const SECRET = 'simulators-webhook-secret-0123';
// The connector reads Duo logs up to 2 minutes back (Duo's own lag), so the newest log it published is always about
// 2 minutes old: an account is silent past that plus a margin. A pause is noticed that long after it began.
const SILENT_MINUTES = 2.5;
// The duo-connector from its build (apps never import apps).
const CONNECTOR_MAIN = join(__dirname, '..', '..', 'duo-connector', 'dist', 'main.js');
const actor = 'spec';

// End to end: the Duo simulator misbehaves, the real connector reports it on the bus, the alerts service notifies a
// webhook receiver in the spec (signatures verified) and by email to Mailpit (read back through its API) once per
// condition, and once more when it clears.
describe('alerts with the Duo simulator and the connector', () => {
  let sim: DuoSimulator;
  let alerts: Alerts;
  let receiver: WebhookReceiver;
  let connector: NodeProcess;
  let channelId: string;

  beforeAll(async () => {
    // Live events, tens a second per account, so a silence means the logs stopped.
    sim = await startDuoSimulator({
      seed: 'alerts-e2e',
      accounts: 2,
      events: 300,
      historyDays: 0.05,
      live: true,
      speed: 150,
      rateLimits: false,
    });
    receiver = new WebhookReceiver(SECRET);
    const url = await receiver.start();
    alerts = await startAlerts({
      ...mailpitSmtpEnv(),
      SEATWISE_OUTBOUND_ALLOW: receiver.hostPort,
    });
    connector = startNode(
      CONNECTOR_MAIN,
      serviceEnv(alerts.scope, {
        MONGO_DB: `${alerts.scope.dbName}_connector`,
        LOG_LEVEL: 'warn',
        ...fastConnectorEnv(3),
        ...outboundAllowEnv(sim.url),
      }),
    );
    const channel = await alerts.rpc.request('alerts.channels.create', {
      name: 'e2e hook',
      kind: 'webhook',
      url,
      secret: SECRET,
      actor,
    });
    channelId = channel.id;
    await waitFor(() => alerts.rpc.request('duo-connector.health', {}).then((h) => h.ready), {
      description: 'connector ready',
      timeoutMs: 60_000,
    });
    await alerts.rpc.request('duo-connector.integrations.create', {
      name: 'MSP',
      kind: 'accounts',
      apiHostname: sim.url,
      integrationKey: sim.info.accountsApi.ikey,
      secretKey: sim.info.accountsApi.skey,
    });
  });

  afterAll(async () => {
    connector.kill('SIGTERM');
    await connector.exited;
    await stopAlerts(alerts);
    await dropDatabase(alerts.scope.mongoUrl, `${alerts.scope.dbName}_connector`).catch(() => undefined);
    await receiver.stop();
    await sim.close();
  });

  // A rule notifying the webhook and a mailbox of its own.
  async function createRule(condition: RpcResponse<'alerts.rules.create'>['condition'], accountId?: string) {
    const inbox = new AlertInbox();
    const mail = await alerts.rpc.request('alerts.channels.create', {
      name: `${condition.kind} mail`,
      kind: 'email',
      to: [inbox.address],
      actor,
    });
    const rule = await alerts.rpc.request('alerts.rules.create', {
      name: condition.kind,
      condition,
      channelIds: [channelId, mail.id],
      actor,
      ...(accountId ? { accountId } : {}),
    });
    return { rule, inbox };
  }

  // Mailpit holds exactly the notifications the webhook was sent for the rule: each once, none repeated.
  async function expectMailedAsHooked(ruleId: string, inbox: AlertInbox): Promise<void> {
    const hooks = receiver.received.filter((hook) => hook.body.alerts.some((a) => a.ruleId === ruleId));
    expect(await inbox.awaitSameAs(hooks)).toEqual(hooks.map((hook) => notificationKey(hook.body.id)).sort());
  }

  // The newest auth log the connector published for an account (ms), or 0.
  async function newestPublished(accountId: string): Promise<number> {
    const jsm = await jetstreamManager(alerts.nc);
    const subject = `${alerts.scope.busPrefix}.duo.authlog.${accountId}`;
    const message = await jsm.streams
      .getMessage(streamName(alerts.scope.busPrefix, 'DUO_AUTHLOGS'), { last_by_subj: subject })
      .catch(() => null);
    return message ? message.json<DuoAuthLogEvent>().record.timestamp * 1_000 : 0;
  }

  // Settled: the consumers have handled everything published before this call (live logs keep coming), and nothing
  // is left in the outbox. Whatever the service would send for what it was given has been sent by then.
  async function settled(): Promise<void> {
    const jsm = await jetstreamManager(alerts.nc);
    const targets = await Promise.all(
      [consumers.alertsSyncStatus, consumers.alertsAuthLogs].map(async (def) => {
        const stream = streamName(alerts.scope.busPrefix, def.stream);
        return { def, stream, last: (await jsm.streams.info(stream)).state.last_seq };
      }),
    );
    await waitFor(
      async () => {
        for (const { def, stream, last } of targets) {
          const info = await jsm.consumers.info(stream, def.durable);
          if (info.ack_floor.stream_seq < last) return false;
        }
        return (await alerts.rpc.request('alerts.deliveries.list', { state: 'pending' })).items.length === 0;
      },
      // A batch the stopped service had fetched but not acked comes back after the consumer's ack wait (60 s).
      { description: 'alerts settled', timeoutMs: 90_000 },
    );
  }

  it('report an account whose logs stop once, and its recovery once, across a restart of the alerts service', async () => {
    const accountId = sim.info.accounts[0]!.account_id;
    // Caught up: the newest published log is as recent as the connector's lag allows.
    await waitFor(async () => Date.now() - (await newestPublished(accountId)) < (SILENT_MINUTES - 0.25) * 60_000, {
      description: 'connector caught up',
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    const { rule, inbox } = await createRule({ kind: 'logs_silent', minutes: SILENT_MINUTES }, accountId);
    sim.pauseLogs(accountId);
    await waitFor(() => receiver.about(rule.id, 'opened').length === 1, {
      description: 'silence reported',
      timeoutMs: 240_000,
    });
    await alerts.restart();
    sim.resumeLogs(accountId);
    await waitFor(() => receiver.about(rule.id, 'resolved').length === 1, {
      description: 'recovery reported',
      timeoutMs: 120_000,
    });
    await settled();
    expect(receiver.about(rule.id, 'opened')).toHaveLength(1);
    expect(receiver.about(rule.id, 'resolved')).toHaveLength(1);
    expect(receiver.about(rule.id, 'opened')[0]!.body.alerts[0]!.accountId).toBe(accountId);
    await expectMailedAsHooked(rule.id, inbox);
    // Done with silences: the key revocation below stops every account's logs.
    await alerts.rpc.request('alerts.rules.delete', { id: rule.id, actor });
  }, 420_000);

  it('report Duo refusing the credentials once per account, and their return once', async () => {
    const { rule, inbox } = await createRule({ kind: 'credentials_rejected' });
    sim.revokeKey(sim.info.accountsApi.ikey);
    const accounts = sim.info.accounts.map((a) => a.account_id).sort();
    const reported = (kind: 'opened' | 'resolved') =>
      receiver
        .about(rule.id, kind)
        .map((hook) => hook.body.alerts[0]!.accountId)
        .sort();
    await waitFor(() => reported('opened').length === accounts.length, {
      description: 'every account reported',
      timeoutMs: 120_000,
    });
    sim.restoreKey(sim.info.accountsApi.ikey);
    await alerts.rpc.request('duo-connector.integrations.sync-now', {
      id: (await alerts.rpc.request('duo-connector.integrations.list', {})).items[0]!.id,
    });
    await waitFor(() => reported('resolved').length === accounts.length, {
      description: 'every account recovered',
      timeoutMs: 120_000,
    });
    await settled();
    expect(reported('opened')).toEqual(accounts);
    expect(reported('resolved')).toEqual(accounts);
    expect(receiver.received.every((hook) => hook.verified)).toBe(true);
    await expectMailedAsHooked(rule.id, inbox);
  });
});
