import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import type { Page } from '@seatwise/shared/contracts/page';
import type { ServiceMappingView } from '@seatwise/shared/contracts/reconcile-views';
import { AccountMappingService } from '../mapping/account-mapping.service';
import { AccountMappingsQuery } from '../mapping/account-mappings.query';
import { AgreementOptionsQuery } from '../mapping/agreement-options.query';
import { ServiceMappingService } from '../mapping/service-mapping.service';
import { ServiceMappingsQuery } from '../mapping/service-mappings.query';

// Each decision answers the mapping as it stands afterwards.
@Controller()
export class MappingsMessageController {
  constructor(
    private readonly accounts: AccountMappingService,
    private readonly accountViews: AccountMappingsQuery,
    private readonly services: ServiceMappingService,
    private readonly serviceViews: ServiceMappingsQuery,
    private readonly agreementOptions: AgreementOptionsQuery,
  ) {}

  @Rpc('reconcile.mappings.accounts.list')
  listAccounts(request: RpcInput<'reconcile.mappings.accounts.list'>) {
    return this.accountViews.list(request);
  }

  @Rpc('reconcile.mappings.accounts.map')
  async map(request: RpcInput<'reconcile.mappings.accounts.map'>) {
    await this.accounts.map(request);
    return this.accountViews.viewOf(request.accountId);
  }

  @Rpc('reconcile.mappings.accounts.unmap')
  async unmap(request: RpcInput<'reconcile.mappings.accounts.unmap'>) {
    await this.accounts.unmap(request);
    return this.accountViews.viewOf(request.accountId);
  }

  @Rpc('reconcile.mappings.accounts.exclude')
  async exclude(request: RpcInput<'reconcile.mappings.accounts.exclude'>) {
    await this.accounts.exclude(request);
    return this.accountViews.viewOf(request.accountId);
  }

  @Rpc('reconcile.mappings.accounts.agreement')
  async chooseAgreement(request: RpcInput<'reconcile.mappings.accounts.agreement'>) {
    await this.accounts.chooseAgreement(request);
    return this.accountViews.viewOf(request.accountId);
  }

  @Rpc('reconcile.mappings.accounts.agreements')
  agreements(request: RpcInput<'reconcile.mappings.accounts.agreements'>) {
    return this.agreementOptions.of(request);
  }

  // Every SKU fits on one page.
  @Rpc('reconcile.mappings.services.list')
  async listServices(_request: RpcInput<'reconcile.mappings.services.list'>) {
    const page: Page<ServiceMappingView> = { items: await this.serviceViews.list(), nextCursor: null };
    return page;
  }

  @Rpc('reconcile.mappings.services.map')
  async mapService(request: RpcInput<'reconcile.mappings.services.map'>) {
    await this.services.map(request);
    return this.serviceViews.viewOf(request.sku);
  }

  @Rpc('reconcile.mappings.services.unmap')
  async unmapService(request: RpcInput<'reconcile.mappings.services.unmap'>) {
    await this.services.unmap(request);
    return this.serviceViews.viewOf(request.sku);
  }

  @Rpc('reconcile.mappings.services.exclude')
  async excludeService(request: RpcInput<'reconcile.mappings.services.exclude'>) {
    await this.services.exclude(request);
    return this.serviceViews.viewOf(request.sku);
  }
}
