import { Injectable } from '@nestjs/common';
import type { RotationReport, SecretHolder, SecretsRotation } from '@seatwise/shared/contracts/secrets-rotation';
import { AlertsClient } from '../../upstream/alerts.client';
import { ConnectorClient } from '../../upstream/connector.client';
import { ReconcileClient } from '../../upstream/reconcile.client';

// `seatwise secrets rotate`: each service that stores secrets re-encrypts its own under its active key, with its own
// keys (the gateway holds none), and reports per key id. Every holder is asked even when one fails; a rotation is
// idempotent, so the answer to a failure is to run it again.
@Injectable()
export class SecretsRotationService {
  constructor(
    private readonly connector: ConnectorClient,
    private readonly reconcile: ReconcileClient,
    private readonly alerts: AlertsClient,
  ) {}

  async rotate(actor: string): Promise<SecretsRotation> {
    const asked: [SecretHolder, Promise<RotationReport>][] = [
      ['duo-connector', this.connector.call('duo-connector.secrets.rotate', { actor })],
      ['reconcile', this.reconcile.call('reconcile.secrets.rotate', { actor })],
      ['alerts', this.alerts.call('alerts.secrets.rotate', { actor })],
    ];
    const settled = await Promise.allSettled(asked.map(async ([service, report]) => ({ service, ...(await report) })));
    const services: SecretsRotation['services'] = [];
    for (const result of settled) {
      if (result.status === 'rejected') throw result.reason;
      services.push(result.value);
    }
    return { services };
  }
}
