import { AppError } from '@seatwise/shared/errors/app-error';
import { type AnyCredentials, requireSecretForNewDestination } from './psa-credentials';

const cw: AnyCredentials = {
  kind: 'connectwise',
  siteUrl: 'https://api-na.myconnectwise.net',
  companyId: 'contoso',
  publicKey: 'pub',
  privateKey: 'stored-private',
  clientId: 'client',
};
const autotask: AnyCredentials = {
  kind: 'autotask',
  zoneDiscoveryUrl: 'https://webservices.autotask.net/atservicesrest',
  userName: 'api@msp.test',
  secret: 'stored-secret',
  integrationCode: 'CODE',
};
const halo: AnyCredentials = {
  kind: 'halopsa',
  resourceUrl: 'https://msp.halopsa.com/api',
  authUrl: 'https://msp.halopsa.com/auth',
  tenant: null,
  clientId: 'client',
  clientSecret: 'stored-secret',
};

function refusal(current: AnyCredentials, change: Record<string, unknown>): AppError | null {
  try {
    requireSecretForNewDestination(current, { ...current, ...change }, change);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('a PSA connection moved elsewhere needs its secret again', () => {
  it.each([
    [cw, { siteUrl: 'https://attacker.example' }, 'privateKey'],
    [cw, { companyId: 'other' }, 'privateKey'],
    [cw, { clientId: 'other' }, 'privateKey'],
    [cw, { publicKey: 'other' }, 'privateKey'],
    [autotask, { zoneDiscoveryUrl: 'https://attacker.example' }, 'secret'],
    [autotask, { userName: 'other@msp.test' }, 'secret'],
    [halo, { resourceUrl: 'https://attacker.example/api' }, 'clientSecret'],
    [halo, { authUrl: 'https://attacker.example/auth' }, 'clientSecret'],
    [halo, { tenant: 'other' }, 'clientSecret'],
  ])('%#: refuses %j without the secret, naming the secret field', (current, change, field) => {
    const error = refusal(current, change);
    expect(error?.code).toBe('RECONCILE.CONNECTION_SECRET_REQUIRED');
    expect(error?.fields?.map((f) => f.path)).toEqual([field]);
    expect(error?.fields?.[0]?.message).toContain(Object.keys(change)[0]);
  });

  it('accepts the same move with the secret given', () => {
    expect(refusal(cw, { siteUrl: 'https://api-eu.myconnectwise.net', privateKey: 'new' })).toBeNull();
    expect(refusal(halo, { tenant: 'other', clientSecret: 'new' })).toBeNull();
  });

  it('accepts a change that moves nothing (a rename, a new secret alone, the same values again)', () => {
    expect(refusal(cw, {})).toBeNull();
    expect(refusal(cw, { privateKey: 'rotated' })).toBeNull();
    expect(refusal(cw, { siteUrl: cw.siteUrl, companyId: cw.companyId })).toBeNull();
    expect(refusal(autotask, { integrationCode: autotask.integrationCode })).toBeNull();
  });
});
