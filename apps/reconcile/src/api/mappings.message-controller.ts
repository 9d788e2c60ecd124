import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { reconcileRpcs as rpc } from '@seatwise/shared/contracts/reconcile-rpcs';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { AccountMappingService } from '../mapping/account-mapping.service';
import { ServiceMappingService } from '../mapping/service-mapping.service';

@Controller()
export class MappingsMessageController {
  constructor(private readonly accounts: AccountMappingService, private readonly services: ServiceMappingService) {}

  @MessagePattern('reconcile.mappings.accounts.list')
  listAccounts(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.mappings.accounts.list'>> {
    const query = parseOrThrow(rpc['reconcile.mappings.accounts.list'].request, payload, 'request');
    return this.accounts.list(query.state, query.limit, query.cursor);
  }

  @MessagePattern('reconcile.mappings.accounts.map')
  async map(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.mappings.accounts.map'>> {
    const request = parseOrThrow(rpc['reconcile.mappings.accounts.map'].request, payload, 'account mapping');
    await this.accounts.map(request);
    return this.accounts.viewOf(request.accountId);
  }

  @MessagePattern('reconcile.mappings.accounts.unmap')
  async unmap(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.mappings.accounts.unmap'>> {
    const request = parseOrThrow(rpc['reconcile.mappings.accounts.unmap'].request, payload, 'request');
    await this.accounts.unmap(request);
    return this.accounts.viewOf(request.accountId);
  }

  @MessagePattern('reconcile.mappings.accounts.exclude')
  async exclude(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.mappings.accounts.exclude'>> {
    const request = parseOrThrow(rpc['reconcile.mappings.accounts.exclude'].request, payload, 'request');
    await this.accounts.exclude(request);
    return this.accounts.viewOf(request.accountId);
  }

  @MessagePattern('reconcile.mappings.services.list')
  async listServices(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.mappings.services.list'>> {
    parseOrThrow(rpc['reconcile.mappings.services.list'].request, payload, 'request');
    return { items: await this.services.list(), nextCursor: null };
  }

  @MessagePattern('reconcile.mappings.services.map')
  async mapService(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.mappings.services.map'>> {
    const request = parseOrThrow(rpc['reconcile.mappings.services.map'].request, payload, 'service mapping');
    await this.services.map(request);
    return this.services.viewOf(request.sku);
  }

  @MessagePattern('reconcile.mappings.services.unmap')
  async unmapService(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.mappings.services.unmap'>> {
    const request = parseOrThrow(rpc['reconcile.mappings.services.unmap'].request, payload, 'request');
    await this.services.unmap(request);
    return this.services.viewOf(request.sku);
  }

  @MessagePattern('reconcile.mappings.services.exclude')
  async excludeService(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.mappings.services.exclude'>> {
    const request = parseOrThrow(rpc['reconcile.mappings.services.exclude'].request, payload, 'request');
    await this.services.exclude(request);
    return this.services.viewOf(request.sku);
  }
}
