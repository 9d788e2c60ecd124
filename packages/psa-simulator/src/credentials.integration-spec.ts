import { at } from './autotask/__fixtures__/at-client';
import { cw } from './__fixtures__/cw-client';
import type { HaloInfo } from './halopsa/halo-info';
import { startPsaSimulator, type PsaSimulator } from './server';

interface Reply {
  status: number;
  body: unknown;
  wwwAuthenticate?: string | null;
}

function haloInfo(sim: PsaSimulator): HaloInfo {
  if (sim.info.mode !== 'halopsa') throw new Error(`not halopsa: ${sim.info.mode}`);
  return sim.info;
}

async function haloToken(sim: PsaSimulator): Promise<Reply> {
  const info = haloInfo(sim);
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: info.clientId,
    client_secret: info.clientSecret,
    scope: 'all',
  });
  const res = await fetch(`${info.authUrl}/token?tenant=${info.tenant}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: res.status, body: await res.json() };
}

async function haloClients(sim: PsaSimulator, bearer: string): Promise<Reply> {
  const res = await fetch(`${haloInfo(sim).resourceUrl}/Client`, { headers: { Authorization: `Bearer ${bearer}` } });
  return { status: res.status, body: await res.json(), wwwAuthenticate: res.headers.get('www-authenticate') };
}

async function simCredentials(sim: PsaSimulator, body: unknown, method = 'POST'): Promise<Reply> {
  const res = await fetch(`${sim.url}/_sim/credentials`, { method, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

// One authenticated call per dialect; its answer is what a client sees with the credentials as they are now.
const CALLS = {
  connectwise: async (sim: PsaSimulator) => {
    const reply = await cw(sim, '/company/companies/count');
    return { status: reply.status, body: reply.body };
  },
  autotask: async (sim: PsaSimulator) => {
    const reply = await at(sim, '/Companies/query/count', {
      method: 'POST',
      body: { filter: [{ op: 'gte', field: 'id', value: 0 }] },
    });
    return { status: reply.status, body: reply.body };
  },
  halopsa: async (sim: PsaSimulator) => {
    const token = await haloToken(sim);
    if (token.status !== 200) return token;
    const reply = await haloClients(sim, (token.body as { access_token: string }).access_token);
    return { status: reply.status, body: reply.body };
  },
} as const;

// What each PSA answers for bad credentials (the simulator's dialect choices, see the READMEs).
const REFUSED_401 = {
  connectwise: { code: 'Unauthorized' },
  autotask: { errors: [expect.stringContaining('not authorized')] },
  halopsa: { error: 'invalid_client' },
};
const REFUSED_403 = {
  connectwise: { code: 'Forbidden' },
  autotask: { errors: [expect.any(String)] },
  halopsa: { error: 'Forbidden' },
};

// Guard check (tried): without the refuseIfRevoked call in http/pipeline.ts both revoke cases of connectwise fail.
describe.each(['connectwise', 'autotask', 'halopsa'] as const)('credentials in %s mode', (mode) => {
  let sim: PsaSimulator;
  beforeAll(async () => {
    sim = await startPsaSimulator({ mode, seed: `creds-${mode}`, companies: 4, rateLimits: false });
  });
  afterAll(() => sim.close());
  const call = () => CALLS[mode](sim);

  it('revokes and restores them in process: 401 in the dialect shape while revoked, 200 before and after', async () => {
    expect((await call()).status).toBe(200);
    sim.setCredentialsRevoked(true);
    const refused = await call();
    expect(refused).toEqual({ status: 401, body: expect.objectContaining(REFUSED_401[mode]) as unknown });
    // Deterministic: every call while revoked is refused, none slips through.
    const again = await Promise.all([call(), call(), call()]);
    expect(again.map((r) => r.status)).toEqual([401, 401, 401]);
    sim.setCredentialsRevoked(false);
    expect((await call()).status).toBe(200);
  });

  it('revokes and restores them over /_sim/credentials, and answers 403 when asked to', async () => {
    expect(await simCredentials(sim, { revoked: true, status: 403 })).toEqual({
      status: 200,
      body: { ok: true, revoked: true, status: 403 },
    });
    expect(await call()).toEqual({ status: 403, body: expect.objectContaining(REFUSED_403[mode]) as unknown });
    const state = await fetch(`${sim.url}/_sim/credentials`);
    expect(await state.json()).toEqual({ revoked: true, status: 403 });
    expect((await simCredentials(sim, { revoked: false })).status).toBe(200);
    expect((await call()).status).toBe(200);
  });

  it.each([[{}], [{ revoked: 'yes' }], [{ revoked: true, status: 500 }], [{ revoked: true, extra: 1 }], ['nope']])(
    'refuses the bad body %j with 400 and changes nothing',
    async (body) => {
      const reply = await simCredentials(sim, body);
      expect(reply).toEqual({ status: 400, body: expect.objectContaining({ code: 'BadRequest' }) as unknown });
      expect((await call()).status).toBe(200);
    },
  );
});

describe('halopsa tokens issued before a revocation', () => {
  let sim: PsaSimulator;
  beforeAll(async () => {
    sim = await startPsaSimulator({ mode: 'halopsa', seed: 'creds-halo-token', companies: 2, rateLimits: false });
  });
  afterAll(() => sim.close());

  it('are refused as invalid_token (401 + WWW-Authenticate) while revoked', async () => {
    const token = (await haloToken(sim)).body as { access_token: string };
    sim.setCredentialsRevoked(true);
    const refused = await haloClients(sim, token.access_token);
    expect(refused).toEqual({
      status: 401,
      body: expect.objectContaining({ error: 'invalid_token' }) as unknown,
      wwwAuthenticate: 'Bearer error="invalid_token"',
    });
    sim.setCredentialsRevoked(false);
    expect((await haloClients(sim, token.access_token)).status).toBe(200);
  });
});
