import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { PsaConnectionView } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { errorCodeOf } from '@seatwise/shared/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { definedOnly } from '../db/defined-only';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { toConnectionView } from '../psa/psa-connection.view';
import { PsaCredentials } from '../psa/psa-credentials';

// Fields the audit log may name as changed (never the private key, and not the request's own bookkeeping).
const UNAUDITED = new Set(['privateKey', 'secret', 'clientSecret', 'actor', 'note']);

// Changes a PSA connection (fields of its own kind); the credentials it ends up with are checked against the PSA.
@Injectable()
export class UpdateConnection {
  constructor(
    private readonly repository: PsaConnectionRepository,
    private readonly psaCredentials: PsaCredentials,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Every attempt is audited with its actor and outcome: a refused change (bad fields, a secret missing, the PSA
  // saying no) is as much a security event as an applied one.
  async update(request: RpcInput<'reconcile.psa.connections.update'>): Promise<PsaConnectionView> {
    const { id, ...changes } = request;
    const given = definedOnly(changes);
    const entry = {
      actor: changes.actor,
      action: 'connection.update',
      targetKind: 'connection' as const,
      targetId: id,
      note: changes.note,
    };
    const fields = Object.keys(given).filter((k) => !UNAUDITED.has(k));
    try {
      const view = await this.apply(id, given);
      await this.audit.record({ ...entry, details: { fields, outcome: 'applied' } });
      return view;
    } catch (error) {
      await this.audit.record({ ...entry, details: { fields, outcome: 'refused', code: errorCodeOf(error) } });
      throw error;
    }
  }

  private async apply(
    id: string,
    given: Partial<Omit<RpcInput<'reconcile.psa.connections.update'>, 'id'>>,
  ): Promise<PsaConnectionView> {
    const current = await this.repository.mustFind(id);
    if (current.kind === 'import' || !current.secret) {
      throw new AppError(
        'RECONCILE.CONNECTION_INVALID_STATE',
        `Connection ${id} is an import; import again to change it`,
      );
    }
    const { name, note: _note, actor: _actor, ...credentialChanges } = given;
    const credentials = this.psaCredentials.storedWith(current, credentialChanges);
    await this.psaCredentials.verify(credentials);
    const updated = await this.repository.update(id, {
      name: name ?? current.name,
      ...this.psaCredentials.storable(credentials, id),
      status: 'connected',
      lastError: null,
      updatedAt: this.clock.now(),
    });
    if (!updated) throw new AppError('RECONCILE.CONNECTION_NOT_FOUND', `No PSA connection ${id}`);
    return toConnectionView(updated);
  }
}
