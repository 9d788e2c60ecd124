import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { discoveryRpcs } from '@seatwise/shared/contracts/discovery-rpcs';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { SaasCatalog } from '../catalog/saas-catalog';
import { ActionsQuery } from '../query/actions.query';
import { SummaryQuery } from '../query/summary.query';

const rpc = discoveryRpcs;

// Account summaries, the action log and the catalog.
@Controller()
export class OverviewMessageController {
  constructor(
    private readonly summary: SummaryQuery,
    private readonly actions: ActionsQuery,
    private readonly catalog: SaasCatalog,
  ) {}

  @MessagePattern('discovery.accounts.summary')
  async accounts(@Payload() payload: unknown): Promise<RpcResponse<'discovery.accounts.summary'>> {
    const request = parseOrThrow(rpc['discovery.accounts.summary'].request, payload, 'request');
    return { items: await this.summary.summaries(request.accountId) };
  }

  @MessagePattern('discovery.actions.list')
  actionLog(@Payload() payload: unknown): Promise<RpcResponse<'discovery.actions.list'>> {
    return this.actions.list(parseOrThrow(rpc['discovery.actions.list'].request, payload, 'request'));
  }

  @MessagePattern('discovery.catalog.search')
  search(@Payload() payload: unknown): RpcResponse<'discovery.catalog.search'> {
    const request = parseOrThrow(rpc['discovery.catalog.search'].request, payload, 'request');
    return { items: this.catalog.search(request.q, request.limit) };
  }
}
