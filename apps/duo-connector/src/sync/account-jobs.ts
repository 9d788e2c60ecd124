import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import type { Env } from '@seatwise/shared/config/connector-env';
import { accountKeyId } from '../accounts/account-key';
import { DuoApiError } from '../duo/duo-errors';
import { ConnectorLeases } from '../leases/connector-leases';
import { AccountSnapshotService } from './account-snapshot.service';
import type { AccountTarget } from './account-target';
import { failureBackoffMs, type Job, JobScheduler } from './job-scheduler';
import { LogSyncService } from './log-sync.service';
import { SyncStatusService } from './sync-status.service';
import { UsersSyncService } from './users-sync.service';

const INFRA_RETRY_MS = 1_000;

const LEASE_PREFIX = 'account:';

// The two recurring jobs of every polled account: auth-log pages, and users + account snapshots. Every replica
// knows every account, but runs an account's jobs only while it holds the account's lease (#18).
@Injectable()
export class AccountJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly leases: ConnectorLeases,
    private readonly logs: LogSyncService,
    private readonly users: UsersSyncService,
    private readonly snapshot: AccountSnapshotService,
    private readonly status: SyncStatusService,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // A lease taken here (or usable again): its account's jobs run now rather than at their next due time.
  onModuleInit(): void {
    this.leases.onUsable((lease) => {
      if (!lease.startsWith(LEASE_PREFIX)) return;
      const id = lease.slice(LEASE_PREFIX.length);
      this.scheduler.runNow(`${id}:logs`);
      this.scheduler.runNow(`${id}:users`);
    });
  }

  track(target: AccountTarget, usersDueInMs: number): void {
    const id = accountKeyId(target.key);
    this.scheduler.add(this.logJob(target, id));
    this.scheduler.add(this.usersJob(target, id), usersDueInMs);
    this.leases.want(LEASE_PREFIX + id);
  }

  async untrack(target: Pick<AccountTarget, 'key'>): Promise<void> {
    const id = accountKeyId(target.key);
    this.scheduler.remove(`${id}:logs`);
    this.scheduler.remove(`${id}:users`);
    await this.leases.unwant(LEASE_PREFIX + id);
  }

  private logJob(target: AccountTarget, id: string): Job {
    const lease = LEASE_PREFIX + id;
    return {
      id: `${id}:logs`,
      group: target.key.integrationId,
      pace: { account: id, cls: 'logs' },
      ready: () => this.leases.holds(lease),
      work: async () => {
        const fence = this.leases.token(lease);
        if (fence === null) return 0; // lapsed since the scheduler looked: it waits for the lease again
        const outcome = await this.logs.syncPage(target, fence);
        return outcome === 'more' ? 0 : this.env.CONNECTOR_LOG_POLL_INTERVAL_MS;
      },
      onError: (error, failures) => this.failed(target, 'auth logs', error, failures),
    };
  }

  private usersJob(target: AccountTarget, id: string): Job {
    const lease = LEASE_PREFIX + id;
    return {
      id: `${id}:users`,
      group: target.key.integrationId,
      pace: { account: id, cls: 'objects' },
      ready: () => this.leases.holds(lease),
      work: async () => {
        // Another replica may have taken the snapshot while it held the lease.
        const dueInMs = await this.users.dueInMs(target.key);
        if (dueInMs > 0) return dueInMs;
        const counts = await this.users.snapshot(
          target,
          () => this.scheduler.paced(id, 'objects'),
          () => this.leases.holds(lease),
        );
        if (counts === null) return 0; // the lease lapsed mid-snapshot: whoever holds it now takes a whole one
        await this.snapshot.publish(target, counts);
        // The account's status is the log job's to report; if a users failure had put it in error,
        // let the log job re-assess now rather than at its next poll.
        if (await this.status.isInError(target.key)) this.scheduler.runNow(`${id}:logs`);
        return this.env.CONNECTOR_USERS_INTERVAL_MS;
      },
      onError: (error, failures) => this.failed(target, 'users', error, failures),
    };
  }

  // Duo refusing us (bad keys, missing permission) or failing past the client's retries puts the
  // account in error; NATS/Mongo trouble only pauses it. Either way it is tried again, backing off.
  private async failed(target: AccountTarget, what: string, error: unknown, failures: number): Promise<number> {
    if (!(error instanceof DuoApiError)) {
      this.logger.warn({ err: error, account: accountKeyId(target.key), what }, 'sync paused: infrastructure error');
      return INFRA_RETRY_MS * Math.min(failures, 10);
    }
    const reason = error.retryable ? error : describeRefusal(error, what);
    this.logger.warn({ account: accountKeyId(target.key), code: reason.code, what }, reason.message);
    await this.status.report(target.key, {
      syncStatus: 'error',
      behindMs: null,
      behindRecords: null,
      error: { code: reason.code, message: reason.message },
      success: false,
    });
    return failureBackoffMs(failures);
  }
}

function describeRefusal(error: DuoApiError, what: string): AppError {
  if (error.code === 'CONNECTOR.DUO_FORBIDDEN') {
    const permission = what === 'auth logs' ? 'Grant read log' : 'Grant read resource';
    return new AppError(
      error.code,
      `Duo refused ${what} (${error.duoCode ?? 403}): the integration lacks "${permission}"`,
    );
  }
  return error;
}
