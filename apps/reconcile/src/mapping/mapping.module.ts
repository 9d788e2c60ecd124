import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { MappingStoreModule } from '../mapping-store/mapping-store.module';
import { PsaModule } from '../psa/psa.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { VendorAccountsModule } from '../vendor-accounts/vendor-accounts.module';
import { AccountMappingWriter } from './account-mapping-writer';
import { AccountMappingService } from './account-mapping.service';
import { AccountMappingsQuery } from './account-mappings.query';
import { AgreementOptionsQuery } from './agreement-options.query';
import { AutoMapper } from './auto-mapper';
import { PsaCatalogQuery } from './psa-catalog.query';
import { ServiceMappingService } from './service-mapping.service';
import { ServiceMappingsQuery } from './service-mappings.query';

// Duo account → PSA company and Duo SKU → PSA product: the decisions, automatic mapping, and the lists that
// show what is mapped to what. Every change recomputes the rows it affects.
const EXPORTED = [
  AccountMappingService,
  AutoMapper,
  AccountMappingsQuery,
  ServiceMappingService,
  ServiceMappingsQuery,
  PsaCatalogQuery,
  AgreementOptionsQuery,
];

@Module({
  imports: [AuditModule, EventsModule, MappingStoreModule, PsaModule, ReconciliationModule, VendorAccountsModule],
  providers: [AccountMappingWriter, ...EXPORTED],
  exports: EXPORTED,
})
export class MappingModule {}
