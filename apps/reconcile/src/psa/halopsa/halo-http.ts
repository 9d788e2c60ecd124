import type { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';
import { failureOf, malformed, type Outcome } from './halo-failure';
import { HALO, haloTokenSchema } from './halo-fields';
import { TokenCache } from './halo-token';
import { psaExchange } from '../psa-outbound';

// Where a HaloPSA instance answers: `{authUrl}/token` issues tokens, `{resourceUrl}/Client` … is the API.
export interface HaloEndpoints {
  resourceUrl: string;
  authUrl: string;
  // Hosted Halo's tenant (`?tenant=`); null for instances without one.
  tenant: string | null;
  clientId: string;
  clientSecret: string;
}

export interface HaloHttpOptions {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  // A Retry-After longer than this fails the call instead of stalling it.
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  // Every call goes out under this policy (PSA hosts only, no redirects, bounded answers).
  outbound: OutboundPolicy;
}

type Failure = Outcome & { ok: false };
const always = (f: Failure): boolean => f.retryable;

const trimmed = (url: string): string => url.replace(/\/+$/, '');

// HaloPSA over HTTP (under the outbound policy): an OAuth2 client-credentials token (cached, refreshed before expiry and once after a 401), a
// timeout per attempt, 429 (honouring Retry-After), 5xx, timeouts, dropped connections and malformed JSON retried
// with jittered back-off; other 4xx fail at once. The client secret and tokens never appear in an error.
export class HaloHttp {
  private readonly tokens: TokenCache;
  private fetching: Promise<string> | null = null;

  constructor(
    private readonly endpoints: HaloEndpoints,
    private readonly options: HaloHttpOptions,
    clock: () => number = Date.now,
  ) {
    this.tokens = new TokenCache(clock);
  }

  get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    return this.api('GET', path, query, undefined, always);
  }

  // A POST that only changes existing records (lines by id) sets values: repeating it is harmless, so it is retried.
  postUpdate(path: string, body: unknown): Promise<unknown> {
    return this.api('POST', path, {}, JSON.stringify(body), always);
  }

  // A POST that creates a record: only a 429 (refused before any work) is retried here. After a 5xx, a timeout or a
  // dropped connection the record may exist, so the caller reads again before deciding to create.
  postCreate(path: string, body: unknown): Promise<unknown> {
    return this.api('POST', path, {}, JSON.stringify(body), (f) => f.status === 429);
  }

  // The back-off before a caller's own next attempt (a create it reads again for), as between retries here.
  // How often a caller may decide a write afresh (read again, then write): as often as one request is tried.
  get writeAttempts(): number {
    return this.options.maxAttempts;
  }

  backoff(attempt: number): Promise<void> {
    return this.options.sleep(this.options.retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }

  private async api(
    method: string,
    path: string,
    query: Record<string, string>,
    body: string | undefined,
    mayRetry: (f: Failure) => boolean,
  ): Promise<unknown> {
    // The URL as written, before URL parsing rewrites another spelling of an address into an allowed one.
    this.options.outbound.check('psa', this.endpoints.resourceUrl);
    const url = new URL(`${trimmed(this.endpoints.resourceUrl)}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return this.retrying(() => this.authorized(method, url, body), mayRetry);
  }

  // One attempt with the current token; a 401 drops the token and tries once more with a new one.
  private async authorized(method: string, url: URL, body: string | undefined): Promise<Outcome> {
    const where = `${method} ${url.pathname}`;
    const headers = (token: string): Record<string, string> => ({
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    });
    const first = await this.send(where, url, { method, headers: headers(await this.token()), body });
    if (first.ok || first.status !== 401) return first;
    this.tokens.clear();
    return this.send(where, url, { method, headers: headers(await this.token()), body });
  }

  // The cached token, or a new one; concurrent callers share one token request.
  private async token(): Promise<string> {
    const cached = this.tokens.get();
    if (cached !== null) return cached;
    this.fetching ??= this.newToken().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  private async newToken(): Promise<string> {
    this.options.outbound.check('psa', this.endpoints.authUrl);
    const url = new URL(`${trimmed(this.endpoints.authUrl)}${HALO.tokenPath}`);
    if (this.endpoints.tenant !== null && this.endpoints.tenant !== '') {
      url.searchParams.set('tenant', this.endpoints.tenant);
    }
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.endpoints.clientId,
      client_secret: this.endpoints.clientSecret,
      scope: 'all',
    });
    const init = {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
    };
    // Asking for a token creates nothing, so every retryable failure is retried.
    const json = await this.retrying(() => this.send(`POST ${url.pathname}`, url, init, true), always);
    const parsed = haloTokenSchema.safeParse(json);
    if (!parsed.success) throw malformed('token answer', formatIssues(parsed.error));
    this.tokens.store(parsed.data.access_token, parsed.data.expires_in);
    return parsed.data.access_token;
  }

  private async retrying(attempt: () => Promise<Outcome>, mayRetry: (f: Failure) => boolean): Promise<unknown> {
    for (let n = 1; ; n++) {
      const outcome = await attempt();
      if (outcome.ok) return outcome.json;
      if (!mayRetry(outcome) || n >= this.options.maxAttempts) throw outcome.error;
      const wait = outcome.retryAfterMs ?? this.options.retryBaseMs * 2 ** (n - 1) * (0.5 + Math.random());
      if (wait > this.options.maxRetryAfterMs) throw outcome.error;
      await this.options.sleep(wait);
    }
  }

  private async send(
    where: string,
    url: URL,
    init: { method: string; headers: Record<string, string>; body: string | undefined },
    token = false,
  ): Promise<Outcome> {
    const exchange = await psaExchange(this.options.outbound, 'HaloPSA', where, url, init, this.options.timeoutMs);
    if (!exchange.ok) return exchange;
    const { status, text } = exchange.response;
    if (status < 200 || status >= 300) {
      return failureOf(status, where, text, exchange.response.header('retry-after'), token);
    }
    try {
      return { ok: true, json: text === '' ? null : (JSON.parse(text) as unknown) };
    } catch {
      return { ok: false, retryable: true, error: malformed(`answer to ${where}`, 'not JSON') };
    }
  }
}
