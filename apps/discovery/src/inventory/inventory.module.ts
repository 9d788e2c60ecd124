import { Module } from '@nestjs/common';
import { AccountMembersRepository } from './account-members.repository';
import { ActionsRepository } from './actions.repository';
import { ActivityRepository } from './activity.repository';
import { FlagRules } from './flag-rules';
import { InventoryWrites } from './inventory-writes';
import { ServerTraits } from './server-traits';
import { ServiceFiguresRepository } from './service-figures.repository';
import { ServicesRepository } from './services.repository';
import { UsageStateRepository } from './usage-state.repository';
import { UsageRepository } from './usage.repository';
import { UserRowsRepository } from './user-rows.repository';
import { UsersRepository } from './users.repository';
import { WriteLock } from './write-lock';

// The inventories (services with their figures, users with their rows, usage, daily activity, action log) and how they are written: one WriteLock for
// the whole process, shared by every module that writes services or users.
@Module({
  providers: [
    ServerTraits,
    AccountMembersRepository,
    ServicesRepository,
    ServiceFiguresRepository,
    UsersRepository,
    UserRowsRepository,
    UsageRepository,
    UsageStateRepository,
    ActivityRepository,
    ActionsRepository,
    InventoryWrites,
    WriteLock,
    FlagRules,
  ],
  exports: [
    ServerTraits,
    AccountMembersRepository,
    ServicesRepository,
    ServiceFiguresRepository,
    UsersRepository,
    UserRowsRepository,
    UsageRepository,
    UsageStateRepository,
    ActivityRepository,
    ActionsRepository,
    InventoryWrites,
    WriteLock,
    FlagRules,
  ],
})
export class InventoryModule {}
