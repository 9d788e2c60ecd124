import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { SeatSettingsRepository } from './seat-settings.repository';
import { SeatsMessageController } from './seats.message-controller';
import { SeatsQuery } from './seats.query';
import { SeatsService } from './seats.service';
import { UsageAnnouncer } from './usage-announcer';

// Unused seats per account (billable users with no successful authentication for N days, never
// enrolled, denied-only), their settings, and the account usage events.
@Module({
  imports: [InventoryModule],
  controllers: [SeatsMessageController],
  providers: [SeatSettingsRepository, SeatsService, UsageAnnouncer, SeatsQuery],
  exports: [UsageAnnouncer],
})
export class SeatsModule {}
