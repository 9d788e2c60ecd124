import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AccountStateRepository } from './account-state.repository';
import { toAccountView } from './account-view';

@Controller()
export class AccountsMessageController {
  constructor(private readonly accounts: AccountStateRepository) {}

  @Rpc('duo-connector.accounts.list')
  async list(request: RpcInput<'duo-connector.accounts.list'>) {
    return { items: (await this.accounts.listAll(request.integrationId)).map(toAccountView) };
  }
}
