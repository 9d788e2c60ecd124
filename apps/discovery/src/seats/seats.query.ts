import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { findPage } from '@seatwise/platform/db/find-page';
import type { ReclaimableUser } from '@seatwise/shared/contracts/discovery-views';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { UsersRepository } from '../inventory/users.repository';
import { userView } from '../query/views';
import { SeatSettingsRepository } from './seat-settings.repository';
import { reclaimableFilter, reclaimReason, unusedCutoff } from './seat-rules';
import { SeatsService } from './seats.service';
import { UsageAnnouncer } from './usage-announcer';

// Unused seats: the figures per account and in total, the reclaimable users of one account, and the
// account's unused-after setting.
@Injectable()
export class SeatsQuery {
  constructor(
    private readonly seats: SeatsService,
    private readonly users: UsersRepository,
    private readonly settings: SeatSettingsRepository,
    private readonly announcer: UsageAnnouncer,
    private readonly clock: Clock,
  ) {}

  async summary(accountId?: string): Promise<RpcResponse<'discovery.seats.summary'>> {
    const items = accountId === undefined ? await this.seats.every() : [await this.seats.of({ accountId })];
    return {
      items,
      total: {
        billableUsers: items.reduce((n, s) => n + s.billableUsers, 0),
        reclaimable: items.reduce((n, s) => n + s.reclaimable, 0),
      },
    };
  }

  async reclaimable(request: RpcInput<'discovery.seats.reclaimable'>): Promise<Page<ReclaimableUser>> {
    const scope = { accountId: request.accountId };
    const cutoff = unusedCutoff(this.clock.now(), await this.settings.unusedAfterDays(scope));
    return findPage(this.users.finder(scope), reclaimableFilter(cutoff, request.reason), request, (doc) => {
      // Flags are not part of a reclaimable row: the thresholds are left at their strictest.
      const view = userView(doc, { ratePercent: 100, minAttempts: Number.MAX_SAFE_INTEGER });
      return {
        id: view.id,
        accountId: view.accountId,
        userKey: view.userKey,
        username: view.username,
        realName: view.realName,
        email: view.email,
        status: view.status,
        enrolled: view.enrolled,
        lastLogin: view.lastLogin,
        lastSeen: view.lastSeen,
        lastSuccess: view.lastSuccess,
        // The filter kept only reclaimable users; the same rules name the reason.
        reason: reclaimReason(doc, cutoff) ?? 'inactive',
      };
    });
  }

  async getSettings(accountId: string): Promise<RpcResponse<'discovery.seats.settings.get'>> {
    return { accountId, unusedAfterDays: await this.settings.unusedAfterDays({ accountId }) };
  }

  // A new setting changes the account's reclaimable count: announced at once.
  async setSettings(
    request: RpcInput<'discovery.seats.settings.set'>,
  ): Promise<RpcResponse<'discovery.seats.settings.set'>> {
    const scope = { accountId: request.accountId };
    await this.settings.set(scope, request.unusedAfterDays, request.actor, request.note ?? null, this.clock.now());
    await this.announcer.refresh([request.accountId]);
    return this.getSettings(request.accountId);
  }
}
