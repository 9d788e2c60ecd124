import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { ActionsQuery } from './actions.query';
import { ActivityQuery } from './activity.query';
import { SummaryQuery } from './summary.query';

// Account summaries, daily authentication activity and the action log.
@Controller()
export class OverviewMessageController {
  constructor(
    private readonly summary: SummaryQuery,
    private readonly actions: ActionsQuery,
    private readonly activity: ActivityQuery,
  ) {}

  @Rpc('discovery.accounts.summary')
  async accounts(request: RpcInput<'discovery.accounts.summary'>) {
    return { items: await this.summary.summaries(request.accountId) };
  }

  @Rpc('discovery.activity.daily')
  async dailyActivity(request: RpcInput<'discovery.activity.daily'>) {
    return { items: await this.activity.daily(request) };
  }

  @Rpc('discovery.actions.list')
  actionLog(request: RpcInput<'discovery.actions.list'>) {
    return this.actions.list(request);
  }
}
