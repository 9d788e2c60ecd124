import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { rotateAndLog } from '@seatwise/platform/crypto/secret-rotation';
import type { RotationReport } from '@seatwise/shared/contracts/secrets-rotation';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import { integrationInputSchema } from '@seatwise/shared/contracts/connector-views';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ConnectorMetrics } from '../metrics/connector-metrics';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { IntegrationEditor } from './integration-editor.service';
import { IntegrationRuntime } from './integration-runtime.service';
import { type IntegrationDoc, IntegrationRepository } from './integration.repository';

const isSecretError = (code: string): boolean => code === 'SECRETS.KEY_MISSING' || code === 'SECRETS.UNREADABLE';

type BootstrapIntegration = NonNullable<Env['DUO_BOOTSTRAP_INTEGRATIONS']>[number];

// At start: the env's integrations are created (the local stack), then every stored one starts polling.
@Injectable()
export class IntegrationBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly repository: IntegrationRepository,
    private readonly editor: IntegrationEditor,
    private readonly runtime: IntegrationRuntime,
    private readonly cipher: SecretCipher,
    private readonly metrics: ConnectorMetrics,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = new Set<string>();
    for (const entry of this.env.DUO_BOOTSTRAP_INTEGRATIONS ?? []) {
      if (await this.repository.findByKey(entry.apiHostname, entry.integrationKey)) continue;
      // create() starts what it stores; the loop below must not start it a second time.
      const created = await this.createFromEnv(entry).catch((error: unknown) => {
        // Replicas starting together each try to store it: one does, and every replica runs the stored one below.
        if (error instanceof AppError && error.code === 'COMMON.CONFLICT') {
          this.logger.info({ name: entry.name }, 'bootstrap integration stored by another replica');
        } else this.logger.error({ err: error, name: entry.name }, 'bootstrap integration rejected');
        return null;
      });
      if (created) started.add(created.integration.id);
    }
    await this.rotateSecrets();
    // Keys that failed their probe when stored do not poll (as when they were stored) until changed.
    for (const doc of await this.repository.list()) {
      if (doc.polling && !started.has(doc._id)) await this.startStored(doc);
    }
  }

  // Every stored secret under the active key, bound to its record: at start before any is used, and when a person
  // asks (`seatwise secrets rotate`); one that cannot be read stays as it is and only its integration fails to start.
  async rotateSecrets(actor?: string): Promise<RotationReport> {
    const report = await rotateAndLog(this.cipher, this.repository, this.logger, actor);
    this.metrics.secretsHeld(report.held, report.unreadable.length);
    return report;
  }

  // The env only checks an entry's shape; it must pass the same rules as an integration sent over RPC.
  private async createFromEnv(entry: BootstrapIntegration): ReturnType<IntegrationEditor['create']> {
    const input = parseOrThrow(integrationInputSchema, entry, 'integration');
    return await this.editor.create(input);
  }

  // An integration whose secret cannot be read is put in error with the reason (SECRETS.KEY_MISSING: configure the
  // key and restart); once it starts again, that error is cleared.
  private async startStored(doc: IntegrationDoc): Promise<void> {
    try {
      await this.runtime.start(doc);
    } catch (error) {
      this.logger.error({ err: error, integration: doc._id }, 'integration could not start');
      if (error instanceof AppError && isSecretError(error.code)) {
        await this.repository.markError(doc._id, { code: error.code, message: error.message }, this.clock.now());
      }
      return;
    }
    if (doc.lastError !== null && isSecretError(doc.lastError.code)) await this.repository.clearError(doc._id);
  }
}
