import type { SecretsRotation } from '@seatwise/shared/contracts/secrets-rotation';
import { CliError, type Fetch, formatRotation, keysStillHolding, requestRotation } from './secrets-rotate';

const report = (
  service: SecretsRotation['services'][number]['service'],
  held: Record<string, number>,
  unreadable: SecretsRotation['services'][number]['unreadable'] = [],
): SecretsRotation['services'][number] => ({
  service,
  collection: `${service}_secrets`,
  activeKeyId: 'k2',
  found: held,
  held,
  rotated: 1,
  changedMeanwhile: 0,
  unreadable,
});

const answering =
  (status: number, body: unknown): Fetch =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('seatwise secrets rotate (what the command makes of the gateway answer)', () => {
  const rotation: SecretsRotation = {
    services: [
      report('duo-connector', { k2: 3 }),
      report('alerts', { k2: 1, k1: 1 }, [{ id: 'ach_1', keyId: 'k1', code: 'SECRETS.KEY_MISSING' }]),
    ],
  };

  it('prints each service, what each key id holds, and every unreadable record', () => {
    const text = formatRotation(rotation);
    expect(text).toContain('duo-connector (duo-connector_secrets): rotated 1, changed meanwhile 0, unreadable 0;');
    expect(text).toContain('held by key id: k2: 1, k1: 1 (active: k2)');
    expect(text).toContain('alerts: ach_1 under key k1 cannot be read (SECRETS.KEY_MISSING)');
    expect(keysStillHolding(rotation)).toEqual(['k1']);
    expect(keysStillHolding({ services: [report('reconcile', {})] })).toEqual([]);
  });

  it("sends the admin key and reads the report; a refusal names the gateway's code", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetch: Fetch = (url, init) => {
      seen.push({ url, init });
      return answering(200, rotation)(url, init);
    };
    expect(await requestRotation('http://gw:3000', 'sk_admin', fetch)).toEqual(rotation);
    expect(seen[0]?.url).toBe('http://gw:3000/api/v1/secrets/rotate');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer sk_admin' } });

    const problem = {
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'needs admin',
      code: 'AUTH.FORBIDDEN',
    };
    await expect(requestRotation('http://gw:3000', 'k', answering(403, problem))).rejects.toThrow(
      new CliError('the rotation was refused (AUTH.FORBIDDEN: needs admin)'),
    );
    await expect(requestRotation('http://gw:3000', 'k', answering(200, { services: 'no' }))).rejects.toThrow(
      'the gateway answered something other than a rotation report',
    );
    const down: Fetch = () => Promise.reject(new Error('connect ECONNREFUSED'));
    await expect(requestRotation('http://gw:3000', 'k', down)).rejects.toThrow(
      'the gateway at http://gw:3000 cannot be reached: connect ECONNREFUSED',
    );
  });
});
