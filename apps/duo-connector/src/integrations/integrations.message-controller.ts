import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { IntegrationBootstrap } from './integration-bootstrap.service';
import { IntegrationChanges } from './integration-changes';
import { IntegrationControl } from './integration-control.service';
import { IntegrationEditor } from './integration-editor.service';
import { IntegrationQueries } from './integration-queries.service';

@Controller()
export class IntegrationsMessageController {
  constructor(
    private readonly queries: IntegrationQueries,
    private readonly editor: IntegrationEditor,
    private readonly control: IntegrationControl,
    private readonly changes: IntegrationChanges,
    private readonly bootstrap: IntegrationBootstrap,
  ) {}

  // The integrations' Duo secret keys: the only secrets the connector stores.
  @Rpc('duo-connector.secrets.rotate')
  rotateSecrets({ actor }: RpcInput<'duo-connector.secrets.rotate'>) {
    return this.bootstrap.rotateSecrets(actor);
  }

  @Rpc('duo-connector.integrations.create')
  create({ actor, ...input }: RpcInput<'duo-connector.integrations.create'>) {
    const attempt = { action: 'create' as const, actor, integrationId: null, fields: Object.keys(input) };
    return this.changes.audited(
      attempt,
      () => this.editor.create(input),
      (result) => result.integration.id,
    );
  }

  @Rpc('duo-connector.integrations.update')
  update({ id, actor, ...changes }: RpcInput<'duo-connector.integrations.update'>) {
    const attempt = { action: 'update' as const, actor, integrationId: id, fields: Object.keys(changes) };
    return this.changes.audited(attempt, () => this.editor.update(id, changes));
  }

  @Rpc('duo-connector.integrations.delete')
  delete({ id, actor }: RpcInput<'duo-connector.integrations.delete'>) {
    return this.changes.audited({ action: 'delete', actor, integrationId: id, fields: [] }, async () => {
      await this.control.delete(id);
      return { deleted: true } as const;
    });
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
  syncNow({ id, actor }: RpcInput<'duo-connector.integrations.sync-now'>) {
    return this.changes.audited({ action: 'sync-now', actor, integrationId: id, fields: [] }, async () => {
      await this.control.syncNow(id);
      return { accepted: true } as const;
    });
  }
}
