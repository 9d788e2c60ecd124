import type { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { AppError } from '@seatwise/shared/errors/app-error';
import { psaExchange } from '../psa-outbound';

export interface CwCredentials {
  siteUrl: string;
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
}

export interface CwHttpOptions {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  // A Retry-After longer than this fails the call instead of stalling it.
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  // Every call goes out under this policy (PSA hosts only, no redirects, bounded answers).
  outbound: OutboundPolicy;
}

type Outcome =
  | { ok: true; json: unknown }
  | { ok: false; retryable: boolean; error: AppError; retryAfterMs?: number; status?: number };

const API_PATH = '/v4_6_release/apis/3.0';
const ACCEPT = 'application/vnd.connectwise.com+json; version=2025.1';

function apiBase(siteUrl: string): string {
  const withScheme = /^https?:\/\//i.test(siteUrl) ? siteUrl : `https://${siteUrl}`;
  return `${withScheme.replace(/\/+$/, '')}${API_PATH}`;
}

// ConnectWise over HTTP (under the outbound policy): Basic `companyId+publicKey:privateKey` and the clientId header on every call, a timeout
// per attempt, 429 (honouring Retry-After), 5xx, timeouts, dropped connections and malformed JSON retried with
// jittered back-off; other 4xx fail at once with the PSA's status, code and message.
export class CwHttp {
  private readonly base: string;
  private readonly headers: Record<string, string>;

  constructor(
    credentials: CwCredentials,
    private readonly options: CwHttpOptions,
  ) {
    this.base = apiBase(credentials.siteUrl);
    const basic = Buffer.from(`${credentials.companyId}+${credentials.publicKey}:${credentials.privateKey}`).toString(
      'base64',
    );
    this.headers = { Authorization: `Basic ${basic}`, clientId: credentials.clientId, Accept: ACCEPT };
  }

  get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    return this.call('GET', path, query, undefined);
  }

  // JSON-Patch: an array of {op, path, value}. Setting a value is idempotent, so a retried PATCH is safe.
  patch(path: string, operations: unknown[]): Promise<unknown> {
    return this.call('PATCH', path, {}, JSON.stringify(operations));
  }

  // Creates a record. Only a 429 (refused before any work) is retried here: after a 5xx, a timeout or a dropped
  // connection the record may exist, so the caller reads again before deciding to create.
  post(path: string, body: unknown): Promise<unknown> {
    return this.call('POST', path, {}, JSON.stringify(body), (outcome) => outcome.status === 429);
  }

  // The back-off before a caller's own next attempt (a create it reads again for), as between retries here.
  // How often a caller may decide a write afresh (read again, then write): as often as one request is tried.
  get writeAttempts(): number {
    return this.options.maxAttempts;
  }

  backoff(attempt: number): Promise<void> {
    return this.options.sleep(this.options.retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }

  private async call(
    method: string,
    path: string,
    query: Record<string, string>,
    body: string | undefined,
    mayRetry: (outcome: Outcome & { ok: false }) => boolean = (outcome) => outcome.retryable,
  ): Promise<unknown> {
    // The site as written, before URL parsing rewrites another spelling of an address into an allowed one.
    this.options.outbound.check('psa', this.base);
    const url = new URL(`${this.base}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.once(method, url, body);
      if (outcome.ok) return outcome.json;
      if (!mayRetry(outcome) || attempt >= this.options.maxAttempts) throw outcome.error;
      const backoff = this.options.retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      const wait = outcome.retryAfterMs ?? backoff;
      if (wait > this.options.maxRetryAfterMs) throw outcome.error;
      await this.options.sleep(wait);
    }
  }

  private async once(method: string, url: URL, body: string | undefined): Promise<Outcome> {
    const where = `${method} ${url.pathname.slice(API_PATH.length)}`;
    const headers = body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' };
    const exchange = await psaExchange(
      this.options.outbound,
      'ConnectWise',
      where,
      url,
      { method, headers, body },
      this.options.timeoutMs,
    );
    if (!exchange.ok) return exchange;
    const { status, text } = exchange.response;
    const retryAfter = exchange.response.header('retry-after');
    if (status >= 200 && status < 300) {
      try {
        return { ok: true, json: text === '' ? null : JSON.parse(text) };
      } catch {
        return {
          ok: false,
          retryable: true,
          error: new AppError('RECONCILE.PSA_UPSTREAM_FAILED', `ConnectWise answered ${where} with malformed JSON`),
        };
      }
    }
    return failure(status, where, text, retryAfter);
  }
}

function failure(status: number, where: string, text: string, retryAfter: string | null): Outcome {
  const detail = cwErrorText(text);
  const message = `ConnectWise answered ${where} with ${status}${detail}`;
  if (status === 429) {
    const seconds = Number(retryAfter);
    const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
    return {
      ok: false,
      retryable: true,
      status,
      error: new AppError('RECONCILE.PSA_UPSTREAM_FAILED', message),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  if (status >= 500) {
    return { ok: false, retryable: true, error: new AppError('RECONCILE.PSA_UPSTREAM_FAILED', message) };
  }
  if (status === 401 || status === 403) {
    return { ok: false, retryable: false, error: new AppError('RECONCILE.PSA_CREDENTIALS_INVALID', message) };
  }
  if (status === 404) {
    return { ok: false, retryable: false, error: new AppError('RECONCILE.PSA_RECORD_NOT_FOUND', message) };
  }
  return { ok: false, retryable: false, error: new AppError('RECONCILE.PSA_REQUEST_INVALID', message) };
}

// CW's error envelope {code, message}; anything else is quoted (shortened), never trusted.
function cwErrorText(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null) {
      const { code, message } = body as { code?: unknown; message?: unknown };
      const text = [code, message].filter((v): v is string => typeof v === 'string').join(' ');
      if (text !== '') return `: ${text}`;
    }
  } catch {
    // not JSON: fall through
  }
  return text === '' ? '' : `: ${text.slice(0, 200)}`;
}
