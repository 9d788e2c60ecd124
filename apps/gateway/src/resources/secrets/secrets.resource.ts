import { secretsRotationSchema } from '@seatwise/shared/contracts/secrets-rotation';
import { Resource } from '../resource';
import { SecretsRotationService } from './secrets-rotation.service';

const secrets = new Resource('Secrets', SecretsRotationService);

export const SecretsController = secrets.controller('SecretsController', {
  rotate: secrets.route(
    {
      method: 'POST',
      path: '/api/v1/secrets/rotate',
      role: 'admin',
      status: 200,
      summary: 'Re-encrypt every stored secret under the active key, and report per key id',
      description:
        'Each service that stores secrets (duo-connector: Duo secret keys; reconcile: PSA keys; alerts: webhook secrets) rewrites those not yet under its SEATWISE_ENCRYPTION_KEY_ID, bound to their record, with compare-and-set writes. `held` counts what each key id still holds: an old key can be removed once it holds nothing in every service. `unreadable` lists the records whose key is not configured. Runs at every start too; `seatwise secrets rotate` calls this.',
      response: secretsRotationSchema,
    },
    ({ actor }, service) => service.rotate(actor),
  ),
});
