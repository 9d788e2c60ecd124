import { Injectable } from '@nestjs/common';
import type { SecretsRotation } from '@seatwise/shared/contracts/secrets-rotation';
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
    const [connector, reconcile, alerts] = await settledAll([
      this.connector.call('duo-connector.secrets.rotate', { actor }),
      this.reconcile.call('reconcile.secrets.rotate', { actor }),
      this.alerts.call('alerts.secrets.rotate', { actor }),
    ] as const);
    return {
      services: [
        { service: 'duo-connector', ...connector },
        { service: 'reconcile', ...reconcile },
        { service: 'alerts', ...alerts },
      ],
    };
  }
}

// Promise.all that waits for every promise before rejecting with the first failure.
async function settledAll<T extends readonly unknown[]>(promises: { readonly [K in keyof T]: Promise<T[K]> }): Promise<{
  -readonly [K in keyof T]: T[K];
}> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: T[K] };
}
