import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import { integrationInputSchema } from '@seatwise/shared/contracts/connector-views';
import type { Logger } from '@seatwise/shared/logging/logger';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { IntegrationEditor } from './integration-editor.service';
import { IntegrationRuntime } from './integration-runtime.service';
import { type IntegrationDoc, IntegrationRepository } from './integration.repository';

type BootstrapIntegration = NonNullable<Env['DUO_BOOTSTRAP_INTEGRATIONS']>[number];

// At start: the env's integrations are created (the local stack), then every stored one starts polling.
@Injectable()
export class IntegrationBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly repository: IntegrationRepository,
    private readonly editor: IntegrationEditor,
    private readonly runtime: IntegrationRuntime,
    private readonly cipher: SecretCipher,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = new Set<string>();
    for (const entry of this.env.DUO_BOOTSTRAP_INTEGRATIONS ?? []) {
      if (await this.repository.findByKey(entry.apiHostname, entry.integrationKey)) continue;
      // create() starts what it stores; the loop below must not start it a second time.
      const created = await this.createFromEnv(entry).catch((error: unknown) => {
        this.logger.error({ err: error, name: entry.name }, 'bootstrap integration rejected');
        return null;
      });
      if (created) started.add(created.integration.id);
    }
    for (const doc of await this.repository.list()) if (!started.has(doc._id)) await this.startStored(doc);
  }

  // The env only checks an entry's shape; it must pass the same rules as an integration sent over RPC.
  private async createFromEnv(entry: BootstrapIntegration): ReturnType<IntegrationEditor['create']> {
    const input = parseOrThrow(integrationInputSchema, entry, 'integration');
    return await this.editor.create(input);
  }

  private async startStored(doc: IntegrationDoc): Promise<void> {
    // Secrets under a retired key are re-encrypted under the active one as they are read.
    if (this.cipher.needsRotation(doc.secret)) {
      await this.repository.update(doc._id, { secret: this.cipher.encrypt(this.cipher.decrypt(doc.secret)) });
    }
    await this.runtime.start(doc).catch((error: unknown) => {
      this.logger.error({ err: error, integration: doc._id }, 'integration could not start');
    });
  }
}
