import type { Credentials } from '../data/model';
import { HaloError } from './halo-errors';
import { checkTokenRequest } from './halo-token-request';

const creds: Credentials = { companyId: 'Acme', publicKey: 'pub', privateKey: 'secret', clientId: 'client-1' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const good = { grant_type: 'client_credentials', client_id: 'client-1', client_secret: 'secret', scope: 'all' };

function failure(fields: Record<string, string>, tenant: string | null): { status: number; error: unknown } {
  try {
    checkTokenRequest(form(fields), tenant, creds);
  } catch (e) {
    if (e instanceof HaloError) return { status: e.status, error: e.body['error'] };
    throw e;
  }
  throw new Error('accepted');
}

describe('checkTokenRequest', () => {
  it('accepts the client-credentials grant, with or without a tenant (case-insensitive)', () => {
    expect(() => {
      checkTokenRequest(form(good), 'acme', creds);
    }).not.toThrow();
    expect(() => {
      checkTokenRequest(form({ ...good, scope: 'read all' }), null, creds);
    }).not.toThrow();
  });

  it.each([
    ['a wrong secret', { ...good, client_secret: 'x' }, 'Acme', 401, 'invalid_client'],
    ['a wrong client id', { ...good, client_id: 'x' }, 'Acme', 401, 'invalid_client'],
    ['a wrong tenant', good, 'other', 401, 'invalid_client'],
    ['another grant', { ...good, grant_type: 'password' }, 'Acme', 400, 'unsupported_grant_type'],
    ['no grant', { client_id: 'client-1', client_secret: 'secret' }, 'Acme', 400, 'invalid_request'],
    ['a scope without all', { ...good, scope: 'read' }, 'Acme', 400, 'invalid_scope'],
    ['no secret', { grant_type: 'client_credentials', client_id: 'client-1' }, 'Acme', 400, 'invalid_request'],
  ])('refuses %s', (_, fields, tenant, status, error) => {
    expect(failure(fields, tenant)).toEqual({ status, error });
  });
});
