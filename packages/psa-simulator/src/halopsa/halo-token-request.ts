import { timingSafeEqual } from 'node:crypto';
import type { Credentials } from '../data/model';
import { HaloError } from './halo-errors';

function same(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

// Checks a client-credentials token request (fact sheet 3.3): form fields grant_type=client_credentials, client_id,
// client_secret and scope (must name `all` when given), `tenant` in the query. The tenant is optional (single-tenant
// Halo instances have none) and compares case-insensitively; id and secret compare exactly. Wrong credentials are
// 401 invalid_client, as RFC 6749 §5.2 allows for a failed client authentication.
export function checkTokenRequest(form: URLSearchParams, tenant: string | null, expected: Credentials): void {
  const grant = form.get('grant_type');
  if (grant === null || grant === '') throw HaloError.oauth(400, 'invalid_request', 'grant_type is required.');
  if (grant !== 'client_credentials') {
    throw HaloError.oauth(400, 'unsupported_grant_type', `grant_type ${grant} is not supported.`);
  }
  const scope = form.get('scope');
  if (scope !== null && !scope.split(/\s+/).includes('all')) {
    throw HaloError.oauth(400, 'invalid_scope', 'scope must include "all".');
  }
  const clientId = form.get('client_id') ?? '';
  const secret = form.get('client_secret') ?? '';
  if (clientId === '' || secret === '') {
    throw HaloError.oauth(400, 'invalid_request', 'client_id and client_secret are required.');
  }
  const ok =
    (tenant === null || tenant.toLowerCase() === expected.companyId.toLowerCase()) &&
    same(clientId, expected.clientId) &&
    same(secret, expected.privateKey);
  if (!ok) throw HaloError.oauth(401, 'invalid_client', 'Client authentication failed.');
}
