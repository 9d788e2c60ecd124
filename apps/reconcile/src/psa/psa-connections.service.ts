import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import type { PsaConnectionInput } from '@seatwise/shared/contracts/reconcile-rpcs';
import type { PsaConnectionView } from '@seatwise/shared/contracts/reconcile-views';
import { AuditService } from '../audit/audit.service';
import { toPage } from '../db/cursor';
import { newId } from '../db/ids';
import { fail, ReconcileErrors } from '../errors';
import type { CwCredentials } from './connectwise/cw-http';
import type { PsaAdapter } from './psa-adapter';
import { PsaAdapterFactory } from './psa-adapter.factory';
import { type PsaConnectionDoc, PsaConnectionRepository, toConnectionView } from './psa-connection.repository';

export type ConnectionChanges = Partial<Omit<PsaConnectionInput, 'kind'>> & { actor: string };

// ConnectWise connections: credentials checked against the PSA before anything is stored, the private key
// encrypted at rest and never answered, logged or published.
@Injectable()
export class PsaConnectionsService {
  constructor(
    private readonly repository: PsaConnectionRepository,
    private readonly adapters: PsaAdapterFactory,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(input: PsaConnectionInput): Promise<PsaConnectionDoc> {
    const credentials = credentialsOf(input);
    if (await this.repository.findConnectWise(credentials.siteUrl, credentials.companyId, credentials.publicKey)) {
      throw fail(ReconcileErrors.CONNECTION_CONFLICT, `A connection to ${credentials.siteUrl} with company ${credentials.companyId} and this public key already exists`);
    }
    await this.adapters.connectWise(credentials).verify();
    const now = this.clock.now();
    const doc: PsaConnectionDoc = {
      _id: newId('psa'), name: input.name, kind: 'connectwise', siteUrl: credentials.siteUrl, companyId: credentials.companyId,
      publicKey: credentials.publicKey, clientId: credentials.clientId, secret: this.cipher.encrypt(credentials.privateKey),
      status: 'connected', lastError: null, lastSyncAt: null, watermarks: { companies: null, products: null, agreements: null, additions: null },
      createdAt: now, updatedAt: now,
    };
    await this.repository.insert(doc);
    await this.audit.record({ actor: input.actor, action: 'connection.create', targetKind: 'connection', targetId: doc._id, note: input.note, details: { name: doc.name, siteUrl: doc.siteUrl, companyId: doc.companyId } });
    return doc;
  }

  async update(id: string, changes: ConnectionChanges): Promise<PsaConnectionDoc> {
    const current = await this.getDoc(id);
    if (current.kind !== 'connectwise' || !current.secret) throw fail(ReconcileErrors.CONNECTION_INVALID_STATE, `Connection ${id} is an import; import again to change it`);
    const credentials = credentialsOf({ ...this.credentialsOfDoc(current), ...definedOnly(changes) });
    await this.adapters.connectWise(credentials).verify();
    const updated = await this.repository.update(id, {
      name: changes.name ?? current.name, siteUrl: credentials.siteUrl, companyId: credentials.companyId, publicKey: credentials.publicKey,
      clientId: credentials.clientId, secret: this.cipher.encrypt(credentials.privateKey), status: 'connected', lastError: null, updatedAt: this.clock.now(),
    });
    if (!updated) throw notFound(id);
    await this.audit.record({ actor: changes.actor, action: 'connection.update', targetKind: 'connection', targetId: id, note: changes.note, details: { fields: Object.keys(definedOnly(changes)).filter((k) => k !== 'privateKey' && k !== 'actor' && k !== 'note') } });
    return updated;
  }

  async getDoc(id: string): Promise<PsaConnectionDoc> {
    const doc = await this.repository.findById(id);
    if (!doc) throw notFound(id);
    return doc;
  }

  async list(limit: number, cursor?: string): Promise<{ items: PsaConnectionView[]; nextCursor: string | null }> {
    return toPage(await this.repository.list(limit + 1, cursor), limit, toConnectionView);
  }

  // The adapter of a stored ConnectWise connection (secrets rotated to the active key as they are read).
  async adapterFor(connectionId: string): Promise<PsaAdapter> {
    const doc = await this.getDoc(connectionId);
    if (doc.kind !== 'connectwise' || !doc.secret) throw fail(ReconcileErrors.CONNECTION_INVALID_STATE, `Connection ${connectionId} is an import: there is no PSA to call`);
    if (this.cipher.needsRotation(doc.secret)) await this.repository.update(doc._id, { secret: this.cipher.encrypt(this.cipher.decrypt(doc.secret)) });
    return this.adapters.connectWise(this.credentialsOfDoc(doc));
  }

  private credentialsOfDoc(doc: PsaConnectionDoc): CwCredentials {
    if (!doc.secret) throw fail(ReconcileErrors.CONNECTION_INVALID_STATE, `Connection ${doc._id} has no credentials`);
    return { siteUrl: doc.siteUrl ?? '', companyId: doc.companyId ?? '', publicKey: doc.publicKey ?? '', privateKey: this.cipher.decrypt(doc.secret), clientId: doc.clientId ?? '' };
  }
}

function credentialsOf(input: CwCredentials): CwCredentials {
  return { siteUrl: input.siteUrl.replace(/\/+$/, ''), companyId: input.companyId, publicKey: input.publicKey, privateKey: input.privateKey, clientId: input.clientId };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function notFound(id: string) {
  return fail(ReconcileErrors.CONNECTION_NOT_FOUND, `No PSA connection ${id}`);
}
