import { Module } from '@nestjs/common';
import { MappingStoreModule } from '../mapping-store/mapping-store.module';
import { MappingModule } from '../mapping/mapping.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { VendorAccountsModule } from '../vendor-accounts/vendor-accounts.module';
import { AccountSnapshotConsumer } from './account-snapshot.consumer';

// The vendor side arriving: Duo account snapshots from the connector's stream.
@Module({
  imports: [MappingStoreModule, MappingModule, ReconciliationModule, VendorAccountsModule],
  providers: [AccountSnapshotConsumer],
})
export class IntakeModule {}
