import { Controller } from '@nestjs/common';
import { StoredSecrets } from '@seatwise/platform/crypto/stored-secrets';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { CreateConnection } from '../connections/create-connection';
import { DeleteConnection } from '../connections/delete-connection';
import { ImportPsa } from '../connections/import-psa';
import { UpdateConnection } from '../connections/update-connection';
import { PsaCatalogQuery } from '../mapping/psa-catalog.query';
import { PsaConnectionsQuery } from '../psa/psa-connections.query';

@Controller()
export class PsaMessageController {
  constructor(
    private readonly connections: PsaConnectionsQuery,
    private readonly creator: CreateConnection,
    private readonly updater: UpdateConnection,
    private readonly deleter: DeleteConnection,
    private readonly importer: ImportPsa,
    private readonly catalog: PsaCatalogQuery,
    private readonly secrets: StoredSecrets,
  ) {}

  // The PSA connections' secrets: the only ones reconcile stores.
  @Rpc('reconcile.secrets.rotate')
  rotateSecrets(request: RpcInput<'reconcile.secrets.rotate'>) {
    return this.secrets.rotate(request.actor);
  }

  @Rpc('reconcile.psa.connections.create')
  create(request: RpcInput<'reconcile.psa.connections.create'>) {
    return this.creator.create(request);
  }

  @Rpc('reconcile.psa.connections.update')
  update(request: RpcInput<'reconcile.psa.connections.update'>) {
    return this.updater.update(request);
  }

  @Rpc('reconcile.psa.connections.get')
  get(request: RpcInput<'reconcile.psa.connections.get'>) {
    return this.connections.get(request.id);
  }

  @Rpc('reconcile.psa.connections.list')
  list(request: RpcInput<'reconcile.psa.connections.list'>) {
    return this.connections.list(request);
  }

  @Rpc('reconcile.psa.connections.delete')
  delete(request: RpcInput<'reconcile.psa.connections.delete'>) {
    return this.deleter.delete(request);
  }

  @Rpc('reconcile.psa.import')
  import(request: RpcInput<'reconcile.psa.import'>) {
    return this.importer.import(request);
  }

  @Rpc('reconcile.psa.companies.list')
  companies(request: RpcInput<'reconcile.psa.companies.list'>) {
    return this.catalog.companies(request);
  }

  @Rpc('reconcile.psa.products.list')
  products(request: RpcInput<'reconcile.psa.products.list'>) {
    return this.catalog.products(request);
  }
}
