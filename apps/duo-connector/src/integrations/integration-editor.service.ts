import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import type { IntegrationInput, ValidationReport } from '@seatwise/shared/contracts/connector-views';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { randomBytes } from 'node:crypto';
import { IntegrationProbe } from './integration-probe.service';
import { IntegrationQueries, integrationNotFound } from './integration-queries.service';
import { IntegrationRuntime } from './integration-runtime.service';
import { type IntegrationDoc, IntegrationRepository, integrationSecretOwner } from './integration.repository';

export type IntegrationWithReport = RpcResponse<'duo-connector.integrations.create'>;

type StoredInput = Pick<
  IntegrationDoc,
  'name' | 'kind' | 'apiHostname' | 'integrationKey' | 'secret' | 'status' | 'lastError' | 'polling'
>;

// Stores an integration's credentials (secret encrypted) after probing them; polling starts only when
// Duo accepted them, and a change restarts it.
@Injectable()
export class IntegrationEditor {
  constructor(
    private readonly repository: IntegrationRepository,
    private readonly queries: IntegrationQueries,
    private readonly probe: IntegrationProbe,
    private readonly runtime: IntegrationRuntime,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
  ) {}

  async create(input: IntegrationInput): Promise<IntegrationWithReport> {
    const now = this.clock.now();
    const validation = await this.probe.probe(input);
    const id = `int_${randomBytes(9).toString('base64url')}`;
    const doc: IntegrationDoc = {
      _id: id,
      ...this.stored(id, input, validation, now),
      lastSyncAt: null,
      listedVersionAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.repository.insert(doc);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new AppError(
          'COMMON.CONFLICT',
          `An integration with key ${input.integrationKey} on ${input.apiHostname} already exists`,
        );
      }
      throw error;
    }
    if (doc.polling) await this.runtime.start(doc);
    return { integration: await this.queries.view(doc), validation };
  }

  // Fields left out keep their stored value (the secret included); the whole is probed again.
  async update(id: string, changes: Partial<IntegrationInput>): Promise<IntegrationWithReport> {
    const input: IntegrationInput = { ...this.inputOf(await this.queries.require(id), changes), ...changes };
    const validation = await this.probe.probe(input);
    const updated = await this.repository.update(id, {
      ...this.stored(id, input, validation, this.clock.now()),
      updatedAt: this.clock.now(),
    });
    if (!updated) throw integrationNotFound(id);
    if (updated.polling) await this.runtime.start(updated);
    else await this.runtime.stop(id);
    return { integration: await this.queries.view(updated), validation };
  }

  // The input as stored (secret encrypted), with the status its probe found.
  private stored(id: string, input: IntegrationInput, validation: ValidationReport, at: Date): StoredInput {
    const { name, kind, apiHostname, integrationKey } = input;
    return {
      name,
      kind,
      apiHostname,
      integrationKey,
      secret: this.cipher.encrypt(input.secretKey, integrationSecretOwner(id)),
      polling: validation.error === null,
      ...statusOf(validation, at),
    };
  }

  // The stored integration as input again: what an update starts from. The stored secret is decrypted only when the
  // change does not replace it, so a secret whose key is gone can still be replaced.
  private inputOf(doc: IntegrationDoc, changes: Partial<IntegrationInput>): IntegrationInput {
    const { _id, name, kind, apiHostname, integrationKey, secret } = doc;
    const secretKey = changes.secretKey ?? this.cipher.decrypt(secret, integrationSecretOwner(_id));
    return { name, kind, apiHostname, integrationKey, secretKey };
  }
}

function statusOf(validation: ValidationReport, at: Date): Pick<IntegrationDoc, 'status' | 'lastError'> {
  if (validation.error) {
    return { status: 'error', lastError: { code: validation.error.code, message: validation.error.message, at } };
  }
  if (validation.missing.length > 0) {
    return {
      status: 'error',
      lastError: {
        code: 'CONNECTOR.DUO_FORBIDDEN',
        message: `Missing Duo permissions: ${validation.missing.join(', ')}`,
        at,
      },
    };
  }
  return { status: 'connected', lastError: null };
}
