import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { reconcileRpcs as rpc } from '@seatwise/shared/contracts/reconcile-rpcs';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { toPage } from '../db/cursor';
import { ClaimsRepository, companyClaim, productClaim } from '../mapping/claims.repository';
import { PsaAdminService } from '../psa/psa-admin.service';
import { toConnectionView } from '../psa/psa-connection.repository';
import { PsaConnectionsService } from '../psa/psa-connections.service';
import { PsaDataRepository } from '../psa/psa-data.repository';
import type { DuoSku } from '@seatwise/shared/contracts/reconcile-views';

@Controller()
export class PsaMessageController {
  constructor(
    private readonly connections: PsaConnectionsService,
    private readonly admin: PsaAdminService,
    private readonly data: PsaDataRepository,
    private readonly claims: ClaimsRepository,
  ) {}

  @MessagePattern('reconcile.psa.connections.create')
  async create(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.psa.connections.create'>> {
    return toConnectionView(await this.admin.create(parseOrThrow(rpc['reconcile.psa.connections.create'].request, payload, 'PSA connection')));
  }

  @MessagePattern('reconcile.psa.connections.update')
  async update(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.psa.connections.update'>> {
    const { id, ...changes } = parseOrThrow(rpc['reconcile.psa.connections.update'].request, payload, 'PSA connection update');
    return toConnectionView(await this.connections.update(id, changes));
  }

  @MessagePattern('reconcile.psa.connections.get')
  async get(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.psa.connections.get'>> {
    return toConnectionView(await this.connections.getDoc(parseOrThrow(rpc['reconcile.psa.connections.get'].request, payload, 'request').id));
  }

  @MessagePattern('reconcile.psa.connections.list')
  list(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.psa.connections.list'>> {
    const query = parseOrThrow(rpc['reconcile.psa.connections.list'].request, payload, 'request');
    return this.connections.list(query.limit, query.cursor);
  }

  @MessagePattern('reconcile.psa.connections.delete')
  async delete(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.psa.connections.delete'>> {
    const request = parseOrThrow(rpc['reconcile.psa.connections.delete'].request, payload, 'request');
    await this.admin.delete(request.id, request.actor, request.note);
    return { deleted: true };
  }

  @MessagePattern('reconcile.psa.import')
  async import(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.psa.import'>> {
    const result = await this.admin.import(parseOrThrow(rpc['reconcile.psa.import'].request, payload, 'PSA import'));
    return { connection: toConnectionView(result.connection), counts: result.counts };
  }

  @MessagePattern('reconcile.psa.companies.list')
  async companies(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.psa.companies.list'>> {
    const query = parseOrThrow(rpc['reconcile.psa.companies.list'].request, payload, 'request');
    const docs = await this.data.listCompanies(query);
    const owners = await this.claims.owners(docs.map((d) => companyClaim(d._id)));
    return toPage(docs, query.limit, (d) => ({
      id: d._id, connectionId: d.connectionId, externalId: d.externalId, identifier: d.identifier ?? null, name: d.name, mappedAccountId: owners.get(companyClaim(d._id)) ?? null,
    }));
  }

  @MessagePattern('reconcile.psa.products.list')
  async products(@Payload() payload: unknown): Promise<RpcResponse<'reconcile.psa.products.list'>> {
    const query = parseOrThrow(rpc['reconcile.psa.products.list'].request, payload, 'request');
    const docs = await this.data.listProducts(query);
    const owners = await this.claims.owners(docs.map((d) => productClaim(d._id)));
    return toPage(docs, query.limit, (d) => ({
      id: d._id, connectionId: d.connectionId, externalId: d.externalId, identifier: d.identifier ?? null, name: d.name,
      mappedSku: (owners.get(productClaim(d._id)) as DuoSku | undefined) ?? null,
    }));
  }
}
