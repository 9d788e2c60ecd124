import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { IntegrationInput, IntegrationView, ValidationReport } from '@seatwise/shared/contracts/connector-rpcs';
import { integrationInputSchema } from '@seatwise/shared/contracts/connector-rpcs';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { randomBytes } from 'node:crypto';
import { AccountStateRepository } from '../accounts/account-state.repository';
import type { Env } from '@seatwise/shared/config/connector-env';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { DuoClientFactory } from '../duo/duo-client.factory';
import { aggregateStatus } from './aggregate-status';
import { IntegrationProbe } from './integration-probe.service';
import { IntegrationRuntime } from './integration-runtime.service';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { type IntegrationDoc, IntegrationRepository, toIntegrationView } from './integration.repository';

export interface IntegrationWithReport {
  integration: IntegrationView;
  validation: ValidationReport;
}

@Injectable()
export class IntegrationsService implements OnApplicationBootstrap {
  constructor(
    private readonly repository: IntegrationRepository,
    private readonly accounts: AccountStateRepository,
    private readonly probe: IntegrationProbe,
    private readonly runtime: IntegrationRuntime,
    private readonly clients: DuoClientFactory,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // Env-bootstrapped integrations first (the local stack), then every stored one starts polling.
  async onApplicationBootstrap(): Promise<void> {
    const started = new Set<string>();
    for (const input of this.env.DUO_BOOTSTRAP_INTEGRATIONS ?? []) {
      if (await this.repository.findByKey(input.apiHostname, input.integrationKey)) continue;
      // create() starts what it stores; the loop below must not start it a second time.
      const created = await this.create(input).catch((error: unknown) => {
        this.logger.error({ err: error, name: input.name }, 'bootstrap integration rejected');
        return null;
      });
      if (created) started.add(created.integration.id);
    }
    for (const doc of await this.repository.list()) if (!started.has(doc._id)) await this.startStored(doc);
  }

  async create(raw: unknown): Promise<IntegrationWithReport> {
    const input = parseOrThrow(integrationInputSchema, raw, 'integration');
    const now = this.clock.now();
    const validation = await this.validate(input);
    const doc: IntegrationDoc = {
      _id: `int_${randomBytes(9).toString('base64url')}`,
      name: input.name,
      kind: input.kind,
      apiHostname: input.apiHostname,
      integrationKey: input.integrationKey,
      secret: this.cipher.encrypt(input.secretKey),
      ...statusOf(validation, now),
      lastSyncAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.repository.insert(doc);
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError(ErrorCodes.CONFLICT, `An integration with key ${input.integrationKey} on ${input.apiHostname} already exists`);
      throw error;
    }
    if (validation.error === null) await this.runtime.start(doc);
    return { integration: await this.view(doc), validation };
  }

  async update(id: string, changes: Partial<IntegrationInput>): Promise<IntegrationWithReport> {
    const current = await this.getDoc(id);
    const input = parseOrThrow(integrationInputSchema, { ...this.inputOf(current), ...changes }, 'integration');
    const validation = await this.validate(input);
    const updated = await this.repository.update(id, {
      name: input.name,
      kind: input.kind,
      apiHostname: input.apiHostname,
      integrationKey: input.integrationKey,
      secret: this.cipher.encrypt(input.secretKey),
      ...statusOf(validation, this.clock.now()),
      updatedAt: this.clock.now(),
    });
    if (!updated) throw notFound(id);
    this.runtime.stop(id);
    if (validation.error === null) await this.runtime.start(updated);
    return { integration: await this.view(updated), validation };
  }

  async delete(id: string): Promise<void> {
    this.runtime.stop(id);
    if (!(await this.repository.delete(id))) throw notFound(id);
    await this.accounts.deleteIntegration(id);
  }

  async get(id: string): Promise<IntegrationView> {
    return this.view(await this.getDoc(id));
  }

  async list(): Promise<IntegrationView[]> {
    return Promise.all((await this.repository.list()).map((doc) => this.view(doc)));
  }

  async syncNow(id: string): Promise<void> {
    await this.getDoc(id);
    this.runtime.syncNow(id);
  }

  private async startStored(doc: IntegrationDoc): Promise<void> {
    // Secrets under a retired key are re-encrypted under the active one as they are read.
    if (this.cipher.needsRotation(doc.secret)) {
      await this.repository.update(doc._id, { secret: this.cipher.encrypt(this.cipher.decrypt(doc.secret)) });
    }
    await this.runtime.start(doc).catch((error: unknown) => { this.logger.error({ err: error, integration: doc._id }, 'integration could not start'); });
  }

  private validate(input: IntegrationInput): Promise<ValidationReport> {
    const client = this.clients.create({ apiHostname: input.apiHostname, integrationKey: input.integrationKey, secretKey: input.secretKey });
    return this.probe.probe(client, input.kind);
  }

  private async view(doc: IntegrationDoc): Promise<IntegrationView> {
    return toIntegrationView(doc, aggregateStatus(doc, await this.accounts.listActive(doc._id)));
  }

  private async getDoc(id: string): Promise<IntegrationDoc> {
    const doc = await this.repository.findById(id);
    if (!doc) throw notFound(id);
    return doc;
  }

  private inputOf(doc: IntegrationDoc): IntegrationInput {
    return { name: doc.name, kind: doc.kind, apiHostname: doc.apiHostname, integrationKey: doc.integrationKey, secretKey: this.cipher.decrypt(doc.secret) };
  }
}

function statusOf(validation: ValidationReport, at: Date): Pick<IntegrationDoc, 'status' | 'lastError'> {
  if (validation.error) return { status: 'error', lastError: { code: validation.error.code, message: validation.error.message, at } };
  if (validation.missing.length > 0) {
    return { status: 'error', lastError: { code: 'CONNECTOR.DUO_FORBIDDEN', message: `Missing Duo permissions: ${validation.missing.join(', ')}`, at } };
  }
  return { status: 'connected', lastError: null };
}

function notFound(id: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `No integration ${id}`);
}
