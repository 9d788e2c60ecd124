import { Module } from '@nestjs/common';
import { OwnershipModule } from './ownership/ownership.module';
import { AuthIngestModule } from './auth/auth-ingest.module';
import { InventoryModule } from '../inventory/inventory.module';
import { RollupModule } from '../rollup/rollup.module';
import { ConsumersService } from './consumers.service';
import { DerivationService } from './derivation.service';
import { DerivationStateRepository } from './derivation-state.repository';
import { UsersIngestModule } from './users/users-ingest.module';

// The two durable consumers (auth logs, users snapshots) feeding the inventories.
@Module({
  imports: [OwnershipModule, AuthIngestModule, UsersIngestModule, InventoryModule, RollupModule],
  providers: [ConsumersService, DerivationService, DerivationStateRepository],
})
export class IngestModule {}
