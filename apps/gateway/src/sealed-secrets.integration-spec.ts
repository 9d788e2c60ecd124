import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { connectWiseInfo } from '@seatwise/psa-simulator/modes/psa-mode';
import { startPsaSimulator, type PsaSimulator } from '@seatwise/psa-simulator/server';
import { createTestScope, natsConnectOptions, serviceEnv } from '@seatwise/testing/scope';
import { startGateway, type TestGateway } from './__fixtures__/gateway-fixture';
import { Http } from './__fixtures__/http-client';
import { SEALING_ENV } from './__fixtures__/sealing-env';
import { type Stack, startStack } from './__fixtures__/stack';

const ADMIN_KEY = `boot-${randomBytes(20).toString('hex')}`;
const KEYS = { SEATWISE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` };
const WEBHOOK_SECRET = `whsec-sentinel-${randomBytes(8).toString('hex')}`;
const HOOK = 'http://127.0.0.1:9/hook';

// Every message on the NATS server, as text: what anyone holding bus credentials could read.
async function sniff(url: string): Promise<{ nc: NatsConnection; seen: string[] }> {
  const nc = await connect({ ...natsConnectOptions(url), name: 'sealed-secrets-sniffer' });
  const seen: string[] = [];
  nc.subscribe('>', {
    callback: (_error, msg) => {
      seen.push(`${msg.subject} ${new TextDecoder().decode(msg.data)}`);
    },
  });
  await nc.flush();
  return { nc, seen };
}

// Secrets cross the bus sealed to the one service that stores it (#17 item 2): a subscriber on every subject sees
// no Duo secret key, PSA private key or webhook secret while they are created and changed through the gateway, and
// the services still use them (Duo and the PSA accept the keys they opened). Without the seal (SecretSealer) the
// sniffer reads every one of them.
describe('secrets on the bus are sealed to the service that stores them', () => {
  let psa: PsaSimulator;
  let stack: Stack;
  let sniffer: Awaited<ReturnType<typeof sniff>>;

  beforeAll(async () => {
    psa = await startPsaSimulator({ seed: 'sealed', rateLimits: false });
    stack = await startStack({
      adminKey: ADMIN_KEY,
      duo: { seed: 'sealed', accounts: 1, usersPerAccount: 1, events: 0, apps: 1 },
      simulators: [psa.url, HOOK],
      upstreams: { 'duo-connector': KEYS, reconcile: KEYS, alerts: KEYS },
      ready: {
        paths: ['/api/v1/integrations', '/api/v1/psa/connections', '/api/v1/alerts/channels'],
        timeoutMs: 60_000,
      },
    });
    sniffer = await sniff(createTestScope().natsUrl);
  });

  afterAll(async () => {
    await sniffer.nc.close();
    await stack.stop();
    await psa.close();
  });

  it('never shows a secret to a bus subscriber, while the services use the ones they opened', async () => {
    const { api, duo } = stack;
    const duoSecret = duo.info.accountsApi.skey;
    const cw = connectWiseInfo(psa.info);
    const integration = await api.post<{ integration: { id: string } }>('/api/v1/integrations', {
      name: 'MSP',
      kind: 'accounts',
      apiHostname: duo.url,
      integrationKey: duo.info.accountsApi.ikey,
      secretKey: duoSecret,
    });
    // Created: the connector opened the key and Duo accepted its signature.
    expect(integration.status).toBe(201);
    const changed = await api.patch(`/api/v1/integrations/${integration.body.integration.id}`, {
      secretKey: duoSecret,
    });
    expect(changed.status).toBe(200);

    const connection = await api.post<{ id: string }>('/api/v1/psa/connections', {
      name: 'CW',
      kind: 'connectwise',
      siteUrl: psa.url,
      companyId: cw.companyId,
      publicKey: cw.publicKey,
      privateKey: cw.privateKey,
      clientId: cw.clientId,
    });
    // Created: reconcile opened the private key and ConnectWise accepted it.
    expect(connection.status).toBe(201);
    expect(
      (await api.patch(`/api/v1/psa/connections/${connection.body.id}`, { privateKey: cw.privateKey })).status,
    ).toBe(200);

    const channel = await api.post<{ id: string }>('/api/v1/alerts/channels', {
      name: 'Ops',
      kind: 'webhook',
      url: HOOK,
      secret: WEBHOOK_SECRET,
    });
    expect(channel.status).toBe(201);
    expect(
      (await api.patch(`/api/v1/alerts/channels/${channel.body.id}`, { secret: `${WEBHOOK_SECRET}-2` })).status,
    ).toBe(200);

    await sniffer.nc.flush();
    const bus = sniffer.seen.join('\n');
    for (const secret of [duoSecret, cw.privateKey, WEBHOOK_SECRET]) expect(bus).not.toContain(secret);
    // The requests did cross the bus, sealed.
    expect(sniffer.seen.filter((line) => line.includes('sealed:v1:')).length).toBeGreaterThanOrEqual(6);
  });

  it('refuses to send a secret to a service whose key the gateway lacks, rather than send it in clear', async () => {
    const scope = createTestScope();
    const publicKeys = (SEALING_ENV['GATEWAY_SEALING_PUBLIC_KEYS'] ?? '')
      .split(',')
      .filter((entry) => !entry.startsWith('reconcile:'))
      .join(',');
    let gateway: TestGateway | null = null;
    try {
      gateway = await startGateway(
        serviceEnv(scope, { GATEWAY_SEALING_PUBLIC_KEYS: publicKeys, SEATWISE_ADMIN_API_KEY: ADMIN_KEY }),
      );
      const before = sniffer.seen.length;
      const cw = connectWiseInfo(psa.info);
      const refused = await new Http(gateway.url, ADMIN_KEY).post('/api/v1/psa/connections', {
        name: 'CW 2',
        kind: 'connectwise',
        siteUrl: psa.url,
        companyId: cw.companyId,
        publicKey: cw.publicKey,
        privateKey: `${cw.privateKey}-other`,
        clientId: cw.clientId,
      });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'SECRETS.SEALING_KEY_MISSING' });
      await sniffer.nc.flush();
      expect(sniffer.seen.slice(before).join('\n')).not.toContain(`${cw.privateKey}-other`);
    } finally {
      await gateway?.close();
      await scope.cleanup();
    }
  });
});
