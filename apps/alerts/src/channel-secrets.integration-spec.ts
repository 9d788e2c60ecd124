import { waitFor } from '@seatwise/testing/wait';
import { randomBytes } from 'node:crypto';
import { type Alerts, startAlerts, stopAlerts } from './__fixtures__/alerts-app';
import { usageEvent } from './__fixtures__/usage-event';
import { WebhookReceiver } from './__fixtures__/webhook-receiver';

const SECRET = 'spec-webhook-secret-0123456789';
const ACCOUNT = 'DA0000000000000000A1';
const k1 = `k1:${randomBytes(32).toString('base64')}`;
const k2 = `k2:${randomBytes(32).toString('base64')}`;
const actor = 'spec';

// Alerts restarted under other encryption keys: a channel whose secret's key is lost fails its own deliveries
// (retried), the others are sent, and it delivers again once the key is back (its secret rotated at start).
describe('webhook secrets across key changes', () => {
  let alerts: Alerts | undefined;
  const lost = new WebhookReceiver(SECRET);
  const kept = new WebhookReceiver(SECRET);
  const urls = new Map<WebhookReceiver, string>();

  beforeAll(async () => {
    for (const receiver of [lost, kept]) urls.set(receiver, await receiver.start());
  });
  afterAll(async () => {
    await stopAlerts(alerts);
    await lost.stop();
    await kept.stop();
  });

  const restartWith = async (keys: string, active: string) => {
    Object.assign(alerts!.env, { SEATWISE_ENCRYPTION_KEYS: keys, SEATWISE_ENCRYPTION_KEY_ID: active });
    await alerts!.restart();
  };
  const channel = (name: string, receiver: WebhookReceiver) =>
    alerts!.rpc.request('alerts.channels.create', {
      name,
      kind: 'webhook',
      url: urls.get(receiver)!,
      secret: SECRET,
      actor,
    });

  it('keeps delivering through the other channels, and recovers once the key is back', async () => {
    alerts = await startAlerts({
      SEATWISE_OUTBOUND_ALLOW: `${lost.hostPort},${kept.hostPort}`,
      SEATWISE_ENCRYPTION_KEYS: k1,
      SEATWISE_ENCRYPTION_KEY_ID: 'k1',
      // Retries a second apart: the failing delivery is still being retried when the key comes back.
      ALERTS_DELIVERY_RETRY_BASE_MS: '1000',
    });
    const underK1 = await channel('under k1', lost);

    await restartWith(k2, 'k2');
    const underK2 = await channel('under k2', kept);
    const rule = await alerts.rpc.request('alerts.rules.create', {
      name: 'reclaimable',
      condition: { kind: 'reclaimable_seats', seats: 2 },
      channelIds: [underK1.id, underK2.id],
      actor,
    });
    await alerts.publisher.publish('discovery.account.usage', usageEvent(ACCOUNT, 6));
    await waitFor(() => kept.about(rule.id, 'opened').length === 1, { description: 'the kept channel to deliver' });
    const failing = await waitFor(
      async () => {
        const log = await alerts!.rpc.request('alerts.deliveries.list', { channelId: underK1.id });
        return log.items.find((d) => d.lastError?.code === 'SECRETS.KEY_MISSING') ?? null;
      },
      { description: 'the lost channel to record SECRETS.KEY_MISSING' },
    );
    expect(failing).toMatchObject({ state: 'pending' });
    expect(lost.about(rule.id, 'opened')).toEqual([]);

    await restartWith(`${k1},${k2}`, 'k2');
    await waitFor(() => lost.about(rule.id, 'opened').length === 1, {
      description: 'the channel to deliver once its key is back',
    });
    expect(kept.about(rule.id, 'opened')).toHaveLength(1);
  });
});
