import { AppError } from '@seatwise/shared/errors/app-error';
import { DuoApiError } from './duo-errors';
import { parseShape } from './duo-envelope';
import { DuoRequester, type DuoRequesterDeps } from './duo-request';
import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import {
  accountListSchema,
  authLogsSchema,
  editionSchema,
  lastRecordSchema,
  summarySchema,
  usersListSchema,
  usersMetadataSchema,
} from './duo-schemas';

const AUTH_LOGS_MAX_LIMIT = 1000;
const USERS_MAX_LIMIT = 300;

export interface DuoCredentials {
  apiHostname: string;
  integrationKey: string;
  secretKey: string;
}
export interface DuoChildAccount {
  accountId: string;
  name: string;
  apiHostname: string;
}
export interface AccountScoped {
  accountId?: string;
}

export interface AuthLogsPage {
  records: unknown[];
  nextOffset: [string, string] | null;
  totalObjects: number | null;
}
export interface UsersPage {
  users: unknown[];
  nextOffset: number | null;
  totalObjects: number | null;
}
export interface InfoSummary {
  userCount: number;
  pendingDeletionCount: number;
  adminCount: number;
  integrationCount: number;
}

/**
 * A typed Duo Admin/Accounts API client for one API host and key pair. Every call validates Duo's envelope and
 * payload, and retries transient failures (see DuoRequester). `accountId` (or the child bound by forChild) is sent
 * as `account_id`, which Duo requires when the parent's Accounts API key calls a child's Admin API.
 */
export class DuoClient {
  private readonly requester: DuoRequester;

  constructor(
    deps: DuoRequesterDeps,
    private readonly boundAccountId: string | null = null,
  ) {
    this.requester = new DuoRequester(deps);
  }

  get baseUrl(): string {
    return this.requester.deps.baseUrl.origin;
  }

  /** The child's host (a bare host inherits this client's scheme) with these keys, bound to the child's id. */
  forChild(child: Pick<DuoChildAccount, 'accountId' | 'apiHostname'>): DuoClient {
    const scheme = this.requester.deps.baseUrl.protocol === 'http:' ? 'http:' : 'https:';
    const baseUrl = this.requester.deps.transport.baseUrl(child.apiHostname, scheme);
    return new DuoClient({ ...this.requester.deps, baseUrl }, child.accountId);
  }

  /** One page of authentication logs v2, oldest first; `nextOffset` is null after the last page. */
  authLogs(
    q: AccountScoped & {
      mintime: number;
      maxtime: number;
      limit?: number;
      nextOffset?: readonly [string, string] | null;
    },
  ): Promise<AuthLogsPage> {
    const limit = checkLimit(q.limit ?? AUTH_LOGS_MAX_LIMIT, AUTH_LOGS_MAX_LIMIT);
    if (!Number.isInteger(q.mintime) || !Number.isInteger(q.maxtime) || q.maxtime <= q.mintime) {
      throw invalid('authLogs needs integer ms mintime < maxtime');
    }
    const params: Record<string, string> = {
      mintime: String(q.mintime),
      maxtime: String(q.maxtime),
      limit: String(limit),
      sort: 'ts:asc',
      ...this.account(q),
    };
    // Comma-joined form (docs, go, ruby); Duo also takes the repeated-key form, but one value is simpler to sign.
    if (q.nextOffset) params['next_offset'] = `${q.nextOffset[0]},${q.nextOffset[1]}`;
    return this.requester.call('GET', '/admin/v2/logs/authentication', params, (s) => {
      const page = parseShape(authLogsSchema, s.response, 'auth log page');
      return {
        records: page.authlogs,
        // Whether Duo sends next_offset on the last page is not documented: without it, the cursor is the last
        // record's own [ms, txid], as Duo builds it, so the checkpoint still moves past what was read.
        nextOffset: page.metadata?.next_offset ?? cursorAfter(page.authlogs),
        totalObjects: page.metadata?.total_objects ?? null,
      };
    });
  }

  /** One page of users (offset paging); `nextOffset` is null after the last page. */
  users(q: AccountScoped & { offset: number; limit?: number }): Promise<UsersPage> {
    const limit = checkLimit(q.limit ?? USERS_MAX_LIMIT, USERS_MAX_LIMIT);
    if (!Number.isInteger(q.offset) || q.offset < 0) throw invalid('users offset must be a non-negative integer');
    const params = { offset: String(q.offset), limit: String(limit), ...this.account(q) };
    return this.requester.call('GET', '/admin/v1/users', params, (s) => {
      const users = parseShape(usersListSchema, s.response, 'users page');
      const metadata = parseShape(usersMetadataSchema, s.metadata, 'users metadata');
      return { users, nextOffset: metadata?.next_offset ?? null, totalObjects: metadata?.total_objects ?? null };
    });
  }

  infoSummary(q: AccountScoped = {}): Promise<InfoSummary> {
    return this.requester.call('GET', '/admin/v1/info/summary', this.account(q), (s) => {
      const r = parseShape(summarySchema, s.response, 'info summary');
      return {
        userCount: r.user_count,
        pendingDeletionCount: r.user_pending_deletion_count,
        adminCount: r.admin_count,
        integrationCount: r.integration_count,
      };
    });
  }

  /** The child's edition; null for an unknown code or when billing is not enabled (40301/40401). */
  async edition(q: AccountScoped = {}): Promise<DuoEdition | null> {
    try {
      return await this.requester.call('GET', '/admin/v1/billing/edition', this.account(q), (s) =>
        parseShape(editionSchema, s.response, 'billing edition'),
      );
    } catch (error) {
      if (
        error instanceof DuoApiError &&
        (error.code === 'CONNECTOR.DUO_FORBIDDEN' || error.code === 'CONNECTOR.DUO_NOT_FOUND')
      ) {
        return null;
      }
      throw error;
    }
  }

  /** Accounts API: the parent's child accounts (not paged by Duo). */
  childAccounts(): Promise<DuoChildAccount[]> {
    return this.requester.call('POST', '/accounts/v1/account/list', {}, (s) =>
      parseShape(accountListSchema, s.response, 'account list').map((a) => ({
        accountId: a.account_id,
        name: a.name,
        apiHostname: a.api_hostname,
      })),
    );
  }

  private account(q: AccountScoped): { account_id?: string } {
    const id = q.accountId ?? this.boundAccountId;
    return id === null ? {} : { account_id: id };
  }
}

function checkLimit(limit: number, max: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw invalid(`limit must be an integer in 1..${max}`);
  return limit;
}

function invalid(message: string): AppError {
  return new AppError('COMMON.VALIDATION_FAILED', message);
}

// [timestamp ms, txid] of the last auth log record; null for an empty page or a last record without them (it is
// dead-lettered by the publisher, and the page is read again).
export function cursorAfter(records: readonly unknown[]): [string, string] | null {
  const parsed = lastRecordSchema.safeParse(records[records.length - 1]);
  if (!parsed.success) return null;
  const { txid, isotimestamp, timestamp } = parsed.data;
  const fromIso = isotimestamp === undefined ? Number.NaN : Date.parse(isotimestamp);
  const ms = Number.isFinite(fromIso) ? fromIso : timestamp * 1000;
  return [String(ms), txid];
}
