import { Module } from '@nestjs/common';
import { UpstreamModule } from '../../upstream/upstream.module';
import { AccountsController } from './accounts.resource';

@Module({ imports: [UpstreamModule], controllers: [AccountsController] })
export class AccountsModule {}
