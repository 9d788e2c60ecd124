import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { IntegrationControl } from './integration-control.service';
import { IntegrationEditor } from './integration-editor.service';
import { IntegrationQueries } from './integration-queries.service';

@Controller()
export class IntegrationsMessageController {
  constructor(
    private readonly queries: IntegrationQueries,
    private readonly editor: IntegrationEditor,
    private readonly control: IntegrationControl,
  ) {}

  @Rpc('duo-connector.integrations.create')
  create(request: RpcInput<'duo-connector.integrations.create'>) {
    return this.editor.create(request);
  }

  @Rpc('duo-connector.integrations.update')
  update(request: RpcInput<'duo-connector.integrations.update'>) {
    const { id, ...changes } = request;
    return this.editor.update(id, changes);
  }

  @Rpc('duo-connector.integrations.delete')
  async delete(request: RpcInput<'duo-connector.integrations.delete'>) {
    await this.control.delete(request.id);
    return { deleted: true } as const;
  }

  @Rpc('duo-connector.integrations.get')
  get(request: RpcInput<'duo-connector.integrations.get'>) {
    return this.queries.get(request.id);
  }

  @Rpc('duo-connector.integrations.list')
  async list(_request: RpcInput<'duo-connector.integrations.list'>) {
    return { items: await this.queries.list() };
  }

  @Rpc('duo-connector.integrations.sync-now')
  async syncNow(request: RpcInput<'duo-connector.integrations.sync-now'>) {
    await this.control.syncNow(request.id);
    return { accepted: true } as const;
  }
}
