import type { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { AppError } from '@seatwise/shared/errors/app-error';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';
import type { z } from 'zod';
import { BudgetSpentError, type AtBudget } from './at-budget';
import { failure, parsed, type Failure, type Outcome } from './at-outcome';
import { atThresholdSchema, atZoneSchema } from './at-schemas';
import type { AutotaskCredentials } from './autotask-credentials';
import { psaExchange } from '../psa-outbound';

export interface AtHttpOptions {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  // A Retry-After longer than this fails the call instead of stalling it.
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  // Every call goes out under this policy (PSA hosts only, no redirects, bounded answers): the zone Autotask
  // names and the page URLs it hands out included.
  outbound: OutboundPolicy;
}

interface Call {
  method: 'GET' | 'POST';
  // The endpoint (entity) the thread limit counts against.
  endpoint: string;
  url: string;
  body?: unknown;
  // Whether a failure may be retried here (reads: yes; a create only when refused before any work, a 429).
  mayRetry: (failure: Failure) => boolean;
}

const VERSION = 'v1.0';
const readRetry = (failure: Failure): boolean => failure.retryable;
const createRetry = (failure: Failure): boolean => failure.status === 429;

export function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'RECONCILE.PSA_UPSTREAM_FAILED',
      `Autotask sent a malformed ${what}: ${formatIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

// Autotask over HTTP (under the outbound policy). The zone is discovered once (and again only after a failed discovery); every call then goes
// to the zone with the three headers, through a thread of its endpoint and the hourly budget, with a timeout per
// attempt. 429 (honouring Retry-After), 5xx, timeouts, dropped connections and malformed JSON are retried with
// jittered back-off; other 4xx fail at once. A create is never retried after it may have taken effect.
export class AtHttp {
  private zone: Promise<string> | null = null;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly credentials: AutotaskCredentials,
    private readonly options: AtHttpOptions,
    private readonly budget: AtBudget,
  ) {
    this.headers = {
      ApiIntegrationCode: credentials.integrationCode,
      UserName: credentials.userName,
      Secret: credentials.secret,
      Accept: 'application/json',
    };
  }

  // The zone's REST root (…/atservicesrest/v1.0), once discovered and the budget read.
  base(): Promise<string> {
    this.zone ??= this.discover().catch((error: unknown) => {
      this.zone = null;
      throw error;
    });
    return this.zone;
  }

  async get(endpoint: string, path: string): Promise<unknown> {
    return this.call({ method: 'GET', endpoint, url: `${await this.base()}${path}`, mayRetry: readRetry });
  }

  // A page URL Autotask handed out; only followed on the zone's own origin, where the secret may go.
  async getUrl(endpoint: string, url: string): Promise<unknown> {
    const base = await this.base();
    if (!URL.canParse(url) || new URL(url).origin !== new URL(base).origin) {
      throw new AppError('RECONCILE.PSA_UPSTREAM_FAILED', `Autotask sent a page URL outside its zone: ${url}`);
    }
    return this.call({ method: 'GET', endpoint, url, mayRetry: readRetry });
  }

  // A read sent as a POST (a query or a count): safe to repeat.
  async query(endpoint: string, path: string, body: unknown): Promise<unknown> {
    return this.call({ method: 'POST', endpoint, url: `${await this.base()}${path}`, body, mayRetry: readRetry });
  }

  // Creates a record. Only a 429 (refused before any work) is retried here: after a 5xx, a timeout or a dropped
  // connection the record may exist, so the caller reads again before deciding to create.
  async create(endpoint: string, path: string, body: unknown): Promise<unknown> {
    return this.call({ method: 'POST', endpoint, url: `${await this.base()}${path}`, body, mayRetry: createRetry });
  }

  // The back-off before a caller's own next attempt, as between retries here.
  // How often a caller may decide a write afresh (read again, then write): as often as one request is tried.
  get writeAttempts(): number {
    return this.options.maxAttempts;
  }

  backoff(attempt: number): Promise<void> {
    return this.options.sleep(this.backoffMs(attempt));
  }

  private backoffMs(attempt: number): number {
    return this.options.retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random());
  }

  // GET ZoneInformation?user=…: unauthenticated. A user Autotask knows no zone for is a credentials problem.
  private async discover(): Promise<string> {
    const root = this.credentials.zoneDiscoveryUrl.replace(/\/+$/, '');
    const user = encodeURIComponent(this.credentials.userName);
    const url = `${root}/atservicesrest/${VERSION}/ZoneInformation?user=${user}`;
    let answer: unknown;
    try {
      answer = await this.attempts({ method: 'GET', endpoint: 'ZoneInformation', url, mayRetry: readRetry }, false);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'RECONCILE.PSA_RECORD_NOT_FOUND') throw error;
      throw new AppError(
        'RECONCILE.PSA_CREDENTIALS_INVALID',
        `Autotask knows no zone for the API user: ${error.message}`,
      );
    }
    const zone = validated(atZoneSchema, answer, 'zone information');
    const base = `${zone.url.replace(/\/+$/, '')}/${VERSION}`;
    await this.readThreshold(base);
    return base;
  }

  // ThresholdInformation: Autotask's own count of the hour's requests (every integration's), not itself counted.
  private async readThreshold(base: string): Promise<void> {
    const url = `${base}/ThresholdInformation`;
    const call: Call = { method: 'GET', endpoint: 'ThresholdInformation', url, mayRetry: readRetry };
    const threshold = validated(atThresholdSchema, await this.attempts(call, false), 'threshold information');
    this.budget.record(threshold.externalRequestThreshold, threshold.currentTimeframeRequestCount);
  }

  private call(call: Call): Promise<unknown> {
    return this.attempts(call, true);
  }

  private async attempts(call: Call, counted: boolean): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.once(call, counted);
      if (outcome.ok) return outcome.json;
      const wait = outcome.retryAfterMs ?? this.backoffMs(attempt);
      if (!call.mayRetry(outcome) || attempt >= this.options.maxAttempts || wait > this.options.maxRetryAfterMs) {
        throw outcome.status === 429 && counted ? await this.refused(outcome) : outcome.error;
      }
      await this.options.sleep(wait);
    }
  }

  // A 429 that cannot be waited out: the hour's budget (or the threads) are taken by someone; read where the
  // budget stands, so usage() shows it, and say so.
  private async refused(failure: Failure): Promise<BudgetSpentError> {
    const base = await this.base();
    await this.readThreshold(base).catch(() => undefined);
    return new BudgetSpentError(
      `${failure.error.message} (${this.budget.used()} of ${this.budget.limit()} requests in the last hour)`,
    );
  }

  // The budget is checked once a thread is free (the hour may have been spent while this call waited for it).
  private async once(call: Call, counted: boolean): Promise<Outcome> {
    const release = await this.budget.acquire(call.endpoint);
    try {
      if (counted) {
        this.budget.check();
        this.budget.count();
      }
      return await this.fetchOnce(call);
    } finally {
      release();
    }
  }

  private async fetchOnce(call: Call): Promise<Outcome> {
    const where = `${call.method} ${new URL(call.url).pathname}`;
    const request = {
      method: call.method,
      headers: call.body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    };
    const exchange = await psaExchange(
      this.options.outbound,
      'Autotask',
      where,
      call.url,
      request,
      this.options.timeoutMs,
    );
    if (!exchange.ok) return exchange;
    const { status, text } = exchange.response;
    if (status >= 200 && status < 300) return parsed(text, where);
    return failure(status, where, text, exchange.response.header('retry-after'));
  }
}
