import { startPsaSimulator, type PsaSimulator } from '@seatwise/psa-simulator/server';
import { dropDatabase, serviceEnv } from '@seatwise/testing/scope';
import { outboundAllowEnv, testEncryptionKeys } from '@seatwise/testing/service-env';
import { type NodeProcess, startNode } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { join } from 'node:path';
import { AlertInbox, mailpitSmtpEnv, notificationKey } from './__fixtures__/alert-inbox';
import { type Alerts, startAlerts, stopAlerts } from './__fixtures__/alerts-app';
import { WebhookReceiver } from './__fixtures__/webhook-receiver';

const SECRET = 'psa-credentials-webhook-secret';
// reconcile from its build (apps never import apps).
const RECONCILE_MAIN = join(__dirname, '..', '..', 'reconcile', 'dist', 'main.js');
const actor = 'spec';

// End to end: the ConnectWise simulator revokes the PSA credentials, reconcile's sync run fails with
// RECONCILE.PSA_CREDENTIALS_INVALID on the bus, and the alerts service notifies the webhook and a Mailpit mailbox
// once, then once more when a run completes again.
describe('alerts with the PSA simulator and reconcile', () => {
  let psa: PsaSimulator;
  let alerts: Alerts;
  let receiver: WebhookReceiver;
  let reconcile: NodeProcess;

  beforeAll(async () => {
    psa = await startPsaSimulator({ mode: 'connectwise', seed: 'alerts-psa', rateLimits: false });
    receiver = new WebhookReceiver(SECRET);
    await receiver.start();
    alerts = await startAlerts({
      ...mailpitSmtpEnv(),
      SEATWISE_OUTBOUND_ALLOW: receiver.hostPort,
    });
    reconcile = startNode(
      RECONCILE_MAIN,
      serviceEnv(alerts.scope, {
        MONGO_DB: `${alerts.scope.dbName}_reconcile`,
        LOG_LEVEL: 'warn',
        RECONCILE_PSA_MAX_ATTEMPTS: '1',
        ...testEncryptionKeys(),
        ...outboundAllowEnv(psa.url),
      }),
    );
    await waitFor(() => alerts.rpc.request('reconcile.health', {}).then((h) => h.ready), {
      description: 'reconcile ready',
      timeoutMs: 60_000,
    });
  });

  afterAll(async () => {
    reconcile.kill('SIGTERM');
    await reconcile.exited;
    await stopAlerts(alerts);
    await dropDatabase(alerts.scope.mongoUrl, `${alerts.scope.dbName}_reconcile`).catch(() => undefined);
    await receiver.stop();
    await psa.close();
  });

  async function runToEnd(connectionId: string): Promise<string> {
    const started = await alerts.rpc.request('reconcile.sync-runs.start', { connectionId, kind: 'quick', actor });
    const run = await waitFor(
      async () => {
        const now = await alerts.rpc.request('reconcile.sync-runs.get', { id: started.id });
        return now.state === 'complete' || now.state === 'failed' ? now : null;
      },
      { description: 'sync run finished', timeoutMs: 60_000 },
    );
    return run.state;
  }

  it('report the PSA refusing the credentials once, and their return once', async () => {
    const info = psa.info;
    if (info.mode !== 'connectwise') throw new Error('the simulator runs ConnectWise');
    const { companyId, publicKey, privateKey, clientId } = info;
    const connection = await alerts.rpc.request('reconcile.psa.connections.create', {
      name: 'CW',
      kind: 'connectwise',
      siteUrl: psa.url,
      companyId,
      publicKey,
      privateKey,
      clientId,
      actor,
    });
    const channel = await alerts.rpc.request('alerts.channels.create', {
      name: 'psa hook',
      kind: 'webhook',
      url: `http://${receiver.hostPort}/hook`,
      secret: SECRET,
      actor,
    });
    const inbox = new AlertInbox();
    const mail = await alerts.rpc.request('alerts.channels.create', {
      name: 'psa mail',
      kind: 'email',
      to: [inbox.address],
      actor,
    });
    const rule = await alerts.rpc.request('alerts.rules.create', {
      name: 'credentials',
      condition: { kind: 'credentials_rejected' },
      channelIds: [channel.id, mail.id],
      actor,
    });
    // The full sync that creating the connection started finishes first (a run already queued is returned).
    expect(await runToEnd(connection.id)).toBe('complete');

    psa.setCredentialsRevoked(true);
    expect(await runToEnd(connection.id)).toBe('failed');
    await waitFor(() => receiver.about(rule.id, 'opened').length === 1, { description: 'refusal reported' });
    // A second failed run: the same condition, no second alert.
    expect(await runToEnd(connection.id)).toBe('failed');

    psa.setCredentialsRevoked(false);
    expect(await runToEnd(connection.id)).toBe('complete');
    await waitFor(() => receiver.about(rule.id, 'resolved').length === 1, { description: 'recovery reported' });
    await waitFor(
      async () => (await alerts.rpc.request('alerts.deliveries.list', { state: 'pending' })).items.length === 0,
      { description: 'outbox empty' },
    );
    expect(receiver.about(rule.id, 'opened')).toHaveLength(1);
    expect(receiver.about(rule.id, 'resolved')).toHaveLength(1);
    expect(receiver.about(rule.id, 'opened')[0]!.body.alerts[0]).toMatchObject({ accountId: null, state: 'open' });
    expect(receiver.received.every((hook) => hook.verified)).toBe(true);
    const hooks = [...receiver.about(rule.id, 'opened'), ...receiver.about(rule.id, 'resolved')];
    expect(await inbox.awaitSameAs(hooks)).toEqual(hooks.map((hook) => notificationKey(hook.body.id)).sort());
  });
});
