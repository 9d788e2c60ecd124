import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { DailyActivity } from '@seatwise/shared/contracts/discovery-activity';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { ActivityRepository } from '../inventory/activity.repository';
import { daysEndingOn } from '../inventory/activity-days';
import { dailySeries } from './activity-series';

// Authentications per UTC day over the last `days` days (today included), for one account or summed
// over every account (cross-tenant by request, like the account summary).
@Injectable()
export class ActivityQuery {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly clock: Clock,
  ) {}

  async daily(request: RpcInput<'discovery.activity.daily'>): Promise<DailyActivity[]> {
    const days = daysEndingOn(this.clock.now(), request.days);
    const scope = request.accountId === undefined ? {} : { accountId: request.accountId };
    const rows = await this.activity.days(scope, days[0] ?? '', days[days.length - 1] ?? '');
    return dailySeries(days, rows);
  }
}
