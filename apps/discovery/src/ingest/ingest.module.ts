import { Module } from '@nestjs/common';
import { AuthIngestModule } from './auth/auth-ingest.module';
import { ConsumersService } from './consumers.service';
import { UsersIngestModule } from './users/users-ingest.module';

// The two durable consumers (auth logs, users snapshots) feeding the inventories.
@Module({
  imports: [AuthIngestModule, UsersIngestModule],
  providers: [ConsumersService],
})
export class IngestModule {}
