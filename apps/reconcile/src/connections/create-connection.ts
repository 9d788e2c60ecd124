import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { PsaConnectionInput } from '@seatwise/shared/contracts/reconcile-rpcs';
import type { PsaConnectionView } from '@seatwise/shared/contracts/reconcile-views';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { errorCodeOf } from '@seatwise/shared/errors/app-error';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { toConnectionView } from '../psa/psa-connection.view';
import { credentialsOf, identityOf, PsaCredentials, storedIdentity } from '../psa/psa-credentials';
import { StartSyncRun } from '../sync/start-sync-run';
import { newConnection, newConnectionId } from './new-connection';

// A PSA connection (ConnectWise, Autotask, HaloPSA): credentials checked against the PSA before anything is
// stored, the secret encrypted at rest and never answered, logged or published; then its first, full sync.
@Injectable()
export class CreateConnection {
  constructor(
    private readonly repository: PsaConnectionRepository,
    private readonly psaCredentials: PsaCredentials,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly syncRuns: StartSyncRun,
  ) {}

  // Every attempt is audited with its actor and outcome (a refused one names no id: nothing was stored).
  async create(input: PsaConnectionInput): Promise<PsaConnectionView> {
    try {
      return await this.apply(input);
    } catch (error) {
      await this.audit.record({
        actor: input.actor,
        action: 'connection.create',
        targetKind: 'connection',
        targetId: '',
        note: input.note,
        details: { name: input.name, kind: input.kind, outcome: 'refused', code: errorCodeOf(error) },
      });
      throw error;
    }
  }

  private async apply(input: PsaConnectionInput): Promise<PsaConnectionView> {
    const credentials = credentialsOf(input);
    const identity = identityOf(credentials);
    for (const other of await this.repository.synced()) {
      if (other.kind === credentials.kind && storedIdentity(other) === identity) {
        throw new AppError(
          'RECONCILE.CONNECTION_CONFLICT',
          `Connection ${other._id} (${other.name}) already connects to this ${credentials.kind} account`,
        );
      }
    }
    await this.psaCredentials.verify(credentials);
    const id = newConnectionId();
    const given = { name: input.name, ...this.psaCredentials.storable(credentials, id) };
    const doc = newConnection(given, this.clock.now(), id);
    await this.repository.insert(doc);
    await this.audit.record({
      actor: input.actor,
      action: 'connection.create',
      targetKind: 'connection',
      targetId: doc._id,
      note: input.note,
      details: {
        name: doc.name,
        kind: doc.kind,
        siteUrl: doc.siteUrl,
        companyId: doc.companyId,
        ...doc.settings,
        outcome: 'applied',
      },
    });
    await this.syncRuns.start(doc._id, 'full', 'connection', input.actor);
    return toConnectionView(doc);
  }
}
