import * as duoSig from '@duosecurity/duo_api/lib/duo_sig';
import { DuoClientFactory, type DuoClientSettingsInput } from '../duo-client.factory';
import { DuoApiError } from '../duo-errors';
import { fail, FakeClock, ok, RecordingSleeper, recorder, ScriptedTransport } from './fakes';

// A client over a scripted transport, a fake clock and a recording sleeper (random fixed at 0.5).
export const creds = {
  apiHostname: 'api-abc123.duosecurity.com',
  integrationKey: 'DIKEY',
  secretKey: 'super-secret-key-0123',
};
export const logs = (next: unknown = null) =>
  ok({ authlogs: [{ txid: 'a' }], metadata: { next_offset: next, total_objects: 1 } });
export const unavailable = fail(503, 50301, 'Service Unavailable');
export const limited = fail(429, 42901, 'Too Many Requests');

export function setup(
  steps: ConstructorParameters<typeof ScriptedTransport>[0],
  settings: DuoClientSettingsInput = {},
) {
  const transport = new ScriptedTransport(steps);
  const clock = new FakeClock();
  const sleeper = new RecordingSleeper(clock);
  const hook = recorder();
  const factory = new DuoClientFactory(transport, clock, sleeper, {
    random: () => 0.5,
    onAttempt: hook.onAttempt,
    ...settings,
  });
  return { transport, clock, sleeper, reports: hook.reports, client: factory.create(creds) };
}

export async function rejection(promise: Promise<unknown>): Promise<DuoApiError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (error instanceof DuoApiError) return error;
  throw error;
}

interface Signed {
  method?: 'GET' | 'POST';
  host?: string;
  body?: string;
  // v2 (HMAC-SHA512) instead of v5.
  v2?: boolean;
}

// The Authorization header Duo's official Node signer computes for a call with `creds`: the reference
// our signing must match byte for byte.
export function officialSignature(
  path: string,
  params: Record<string, string>,
  date: string,
  signed: Signed = {},
): string {
  const { method = 'GET', host = creds.apiHostname, body = '' } = signed;
  const { integrationKey: ikey, secretKey: skey } = creds;
  if (signed.v2) return duoSig.sign(ikey, skey, method, host, path, params, date);
  return duoSig.signV5(ikey, skey, method, host, path, params, date, body);
}
