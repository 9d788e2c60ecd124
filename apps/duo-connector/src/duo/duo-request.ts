import type { Clock } from '@seatwise/platform/clock/clock';
import { DuoApiError, type DuoErrorCode } from './duo-errors';
import { parseEnvelope, type DuoSuccess } from './duo-envelope';
import { backoffDelayMs, type DuoRetrySettings, type Sleeper } from './duo-retry';
import { DuoNetworkError, type DuoTransport, type TransportRequest } from './duo-transport';
import { canonParams, signV2, signV5, type DuoParams, type SignatureVersion, type V2Digest } from './signing';

/** One attempt's outcome, for metrics (API calls, 429s, latency). */
export interface DuoAttemptReport {
  method: 'GET' | 'POST';
  path: string;
  accountId: string | null;
  attempt: number;
  status: number | null;
  durationMs: number;
  outcome: 'ok' | DuoErrorCode;
  /** Delay before the next attempt, or null when this attempt was the last one. */
  retryInMs: number | null;
}

export interface DuoClientSettings {
  signatureVersion: SignatureVersion;
  v2Digest: V2Digest;
  timeoutMs: number;
  retry: DuoRetrySettings;
  random: () => number;
  /** Called after every attempt; must not throw. */
  onAttempt: ((report: DuoAttemptReport) => void) | null;
  userAgent: string;
}

export interface DuoRequesterDeps {
  transport: DuoTransport;
  clock: Clock;
  sleeper: Sleeper;
  settings: DuoClientSettings;
  baseUrl: URL;
  ikey: string;
  /** A closure, so logging or serializing a client never prints the secret key. */
  secretKey: () => string;
}

/** Signs, sends and retries one Duo call; each attempt is signed afresh with the clock's current Date. */
export class DuoRequester {
  constructor(readonly deps: DuoRequesterDeps) {}

  async call<T>(method: 'GET' | 'POST', path: string, params: DuoParams, parse: (s: DuoSuccess) => T): Promise<T> {
    const { clock, sleeper, settings } = this.deps;
    const accountId = typeof params['account_id'] === 'string' ? params['account_id'] : null;
    for (let attempt = 1; ; attempt++) {
      const started = clock.nowMs();
      let status: number | null = null;
      const report = (outcome: DuoAttemptReport['outcome'], retryInMs: number | null): void => {
        settings.onAttempt?.({
          method,
          path,
          accountId,
          attempt,
          status,
          durationMs: clock.nowMs() - started,
          outcome,
          retryInMs,
        });
      };
      try {
        const response = await this.deps.transport.send(this.build(method, path, params));
        status = response.status;
        const result = parse(parseEnvelope(response));
        report('ok', null);
        return result;
      } catch (caught) {
        const error = toDuoError(caught);
        const last = !error.retryable || attempt >= settings.retry.maxAttempts;
        const delay = last ? null : backoffDelayMs(attempt, error, settings.retry, settings.random);
        report(error.code, delay);
        if (delay === null) throw error;
        await sleeper.sleep(delay);
      }
    }
  }

  private build(method: 'GET' | 'POST', path: string, params: DuoParams): TransportRequest {
    const { ikey, baseUrl, settings, clock } = this.deps;
    const skey = this.deps.secretKey();
    const host = baseUrl.hostname; // Duo signs the host without port
    const date = clock.now();
    const v5 = settings.signatureVersion === 5;
    const canonical = canonParams(params);
    let body: string | undefined;
    let signed;
    if (method === 'GET') {
      signed = v5
        ? signV5({ ikey, skey, method, host, path, params, date, body: '' })
        : signV2({ ikey, skey, method, host, path, params, date, digest: settings.v2Digest });
    } else if (v5) {
      body = JSON.stringify(params); // v5 POST: params only in the JSON body, params line empty
      signed = signV5({ ikey, skey, method, host, path, params: {}, date, body });
    } else {
      body = canonical;
      signed = signV2({ ikey, skey, method, host, path, params, date, digest: settings.v2Digest });
    }
    const headers: Record<string, string> = {
      Date: signed.date,
      Authorization: signed.authorization,
      'User-Agent': settings.userAgent,
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = v5 ? 'application/json' : 'application/x-www-form-urlencoded';
    // The canonical string is a valid query encoding, so the wire and the signature can never disagree.
    const query = method === 'GET' && canonical !== '' ? `?${canonical}` : '';
    return {
      method,
      url: `${baseUrl.origin}${path}${query}`,
      headers,
      timeoutMs: settings.timeoutMs,
      ...(body === undefined ? {} : { body }),
    };
  }
}

function toDuoError(caught: unknown): DuoApiError {
  if (caught instanceof DuoApiError) return caught;
  if (caught instanceof DuoNetworkError) return DuoApiError.network(caught.message, caught);
  throw caught; // a bug (e.g. in a parser), not a Duo failure: do not retry or disguise it
}
