import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AtError } from './at-error';
import type { AutotaskCredentials } from './autotask-info';

function same(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : '';
}

// The three headers of every Autotask REST call (fact sheet 3.2). The user name compares case-insensitively (it is
// an e-mail address), the secret and integration code exactly. Any miss is a 401 naming no detail, as a login
// failure should not tell which part was wrong. Returns the integration code: the thread limit's scope.
export function authenticateAt(req: IncomingMessage, expected: AutotaskCredentials): string {
  const [code, user, secret] = [header(req, 'ApiIntegrationCode'), header(req, 'UserName'), header(req, 'Secret')];
  if (code === '' || user === '' || secret === '') {
    throw AtError.unauthorized('The ApiIntegrationCode, UserName and Secret headers are required.');
  }
  const ok =
    same(code, expected.integrationCode) &&
    user.toLowerCase() === expected.userName.toLowerCase() &&
    same(secret, expected.secret);
  if (!ok) throw AtError.unauthorized('User is not authorized: invalid user name, secret or integration code.');
  return code;
}
