import { harnessMailpit, MailpitClient } from '@seatwise/testing/mailpit';
import { waitFor } from '@seatwise/testing/wait';
import { AlertInbox, mailpitSmtpEnv } from './__fixtures__/alert-inbox';
import { type Alerts, startAlerts, stopAlerts } from './__fixtures__/alerts-app';
import { usageEvent } from './__fixtures__/usage-event';
import { WebhookReceiver } from './__fixtures__/webhook-receiver';

const SECRET = 'digest-webhook-secret-0123456789';
const actor = 'spec';

// The daily digest at its real time of day: the service is started with a digest time a little after now (UTC,
// HH:MM), the alerts are raised before it, and nothing may leave until that minute has passed.
function digestTimeSoon(now = Date.now()): { atUtc: string; atMs: number } {
  const atMs = Math.ceil((now + 45_000) / 60_000) * 60_000;
  return { atUtc: new Date(atMs).toISOString().slice(11, 16), atMs };
}

describe('the daily digest', () => {
  let alerts: Alerts;
  let receiver: WebhookReceiver;
  const inbox = new AlertInbox();
  const digest = digestTimeSoon();

  beforeAll(async () => {
    receiver = new WebhookReceiver(SECRET);
    await receiver.start();
    alerts = await startAlerts({
      ...mailpitSmtpEnv(),
      SEATWISE_OUTBOUND_ALLOW: receiver.hostPort,
      ALERTS_DIGEST_AT_UTC: digest.atUtc,
    });
  });

  afterAll(async () => {
    await stopAlerts(alerts);
    await receiver.stop();
  });

  it('holds a digest rule’s alerts until the digest time, then sends one digest per channel, once', async () => {
    const hook = await alerts.rpc.request('alerts.channels.create', {
      name: 'digest hook',
      kind: 'webhook',
      url: `http://${receiver.hostPort}/hook`,
      secret: SECRET,
      actor,
    });
    const mail = await alerts.rpc.request('alerts.channels.create', {
      name: 'digest mail',
      kind: 'email',
      to: [inbox.address],
      actor,
    });
    const rule = await alerts.rpc.request('alerts.rules.create', {
      name: 'reclaimable, daily',
      condition: { kind: 'reclaimable_seats', seats: 10 },
      channelIds: [hook.id, mail.id],
      delivery: 'digest',
      actor,
    });
    for (const account of ['DA00000000000000DIG1', 'DA00000000000000DIG2']) {
      await alerts.publisher.publish('discovery.account.usage', usageEvent(account, 11));
    }
    const held = await waitFor(
      async () => {
        const log = await alerts.rpc.request('alerts.deliveries.list', { state: 'pending' });
        const entries = log.items.filter((item) => item.ruleId === rule.id);
        return entries.length === 4 ? entries : null;
      },
      { description: 'four entries waiting for the digest' },
    );
    expect(held.every((entry) => entry.mode === 'digest')).toBe(true);
    // Raised before the digest time: still waiting, nothing sent.
    expect(Date.now()).toBeLessThan(digest.atMs);
    expect(receiver.received).toHaveLength(0);
    expect(await inbox.notifications()).toEqual([]);

    const [sent] = await waitFor(() => (receiver.received.length > 0 ? receiver.received : null), {
      description: `the digest at ${digest.atUtc} UTC`,
      timeoutMs: 150_000,
      intervalMs: 500,
    });
    expect(Date.now()).toBeGreaterThanOrEqual(digest.atMs);
    expect(sent!.verified).toBe(true);
    expect(sent!.body.kind).toBe('digest');
    expect(sent!.body.alerts.map((a) => a.accountId).sort()).toEqual(['DA00000000000000DIG1', 'DA00000000000000DIG2']);
    const client = new MailpitClient(harnessMailpit().httpUrl);
    const [email] = await client.awaitMessages(`to:"${inbox.address}"`, 1);
    expect(email!.Subject).toBe('[Seatwise] Digest: 2 alerts');
    expect(email!.Text).toContain('DA00000000000000DIG1');
    expect(email!.Text).toContain('DA00000000000000DIG2');

    // A restart within the same digest period makes no second digest.
    await alerts.restart();
    await waitFor(
      async () => (await alerts.rpc.request('alerts.deliveries.list', { state: 'pending' })).items.length === 0,
      { description: 'outbox empty' },
    );
    const log = await alerts.rpc.request('alerts.deliveries.list', {});
    const digests = log.items.filter((item) => item.kind === 'digest');
    expect(digests.map((d) => [d.channelId, d.state]).sort()).toEqual(
      [
        [hook.id, 'delivered'],
        [mail.id, 'delivered'],
      ].sort(),
    );
    expect(log.items.filter((item) => item.ruleId === rule.id).every((item) => item.state === 'digested')).toBe(true);
    expect(receiver.received).toHaveLength(1);
    expect(await client.search(`to:"${inbox.address}"`)).toHaveLength(1);
  }, 240_000);
});
