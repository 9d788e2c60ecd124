import { Injectable } from '@nestjs/common';
import { AccountStateRepository } from '../accounts/account-state.repository';
import { IntegrationQueries, integrationNotFound } from './integration-queries.service';
import { IntegrationRuntime } from './integration-runtime.service';
import { IntegrationRepository } from './integration.repository';

// Polls an integration now, or stops polling it and forgets it with its accounts' state (the events
// already published stay).
@Injectable()
export class IntegrationControl {
  constructor(
    private readonly repository: IntegrationRepository,
    private readonly queries: IntegrationQueries,
    private readonly accounts: AccountStateRepository,
    private readonly runtime: IntegrationRuntime,
  ) {}

  async syncNow(id: string): Promise<void> {
    await this.queries.require(id);
    this.runtime.syncNow(id);
  }

  async delete(id: string): Promise<void> {
    await this.runtime.stop(id);
    if (!(await this.repository.delete(id))) throw integrationNotFound(id);
    await this.accounts.deleteIntegration(id);
  }
}
