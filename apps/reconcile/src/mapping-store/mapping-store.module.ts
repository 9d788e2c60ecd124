import { Module } from '@nestjs/common';
import { AccountMappingRepository } from './account-mapping.repository';
import { ClaimsRepository } from './claims.repository';
import { ServiceMappingRepository } from './service-mapping.repository';

// The stored mappings, apart from the decisions that change them: reconciliation reads them, and the
// decisions (mapping/) recompute reconciliation, so the store sits below both.
@Module({
  providers: [AccountMappingRepository, ServiceMappingRepository, ClaimsRepository],
  exports: [AccountMappingRepository, ServiceMappingRepository, ClaimsRepository],
})
export class MappingStoreModule {}
