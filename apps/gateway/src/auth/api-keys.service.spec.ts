import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { FakeClock } from './__fixtures__/session-fakes';
import type { ApiKeyDoc, ApiKeyRepository } from './api-key.repository';
import { ApiKeysService } from './api-keys.service';

const BOOTSTRAP = `boot-${'k'.repeat(40)}`;

// The repository's reads and writes the service uses, counting the reads by id.
function repositoryOf(docs: Map<string, ApiKeyDoc>) {
  const reads = { byId: 0 };
  const repository = {
    insert: (doc: ApiKeyDoc) => Promise.resolve(void docs.set(doc._id, doc)),
    findById: (id: string) => {
      reads.byId++;
      return Promise.resolve(docs.get(id) ?? null);
    },
    findByPrefix: (prefix: string) => Promise.resolve([...docs.values()].find((d) => d.prefix === prefix) ?? null),
    revoke: (id: string, at: Date) => {
      const doc = docs.get(id);
      if (doc) doc.revokedAt = at;
      return Promise.resolve(doc ?? null);
    },
    touch: () => Promise.resolve(),
  };
  return { repository: repository as unknown as ApiKeyRepository, reads };
}

function serviceOf(adminKey: string | undefined) {
  const docs = new Map<string, ApiKeyDoc>();
  const { repository, reads } = repositoryOf(docs);
  const clock = new FakeClock();
  const logger = { warn: () => undefined } as unknown as Logger;
  const service = new ApiKeysService(repository, clock, { SEATWISE_ADMIN_API_KEY: adminKey } as Env, logger);
  return { service, reads, clock };
}

describe('ApiKeysService.principalById', () => {
  it('answers a key by id until it is revoked', async () => {
    const { service } = serviceOf(undefined);
    const created = await service.create({ name: 'console', role: 'viewer' });
    expect(await service.principalById(created.id)).toEqual({ keyId: created.id, name: 'console', role: 'viewer' });
    await service.revoke(created.id);
    expect(await service.principalById(created.id)).toBeNull();
    expect(await service.principalById('key_unknown')).toBeNull();
  });

  it('reads a key by id at most once per cache period', async () => {
    const { service, reads, clock } = serviceOf(undefined);
    const created = await service.create({ name: 'console', role: 'admin' });
    await service.principalById(created.id);
    await service.principalById(created.id);
    expect(reads.byId).toBe(1);
    clock.ms += 5_000;
    await service.principalById(created.id);
    expect(reads.byId).toBe(2);
  });

  it('keeps the bootstrap key valid while it is configured', async () => {
    expect(await serviceOf(BOOTSTRAP).service.principalById('bootstrap')).toMatchObject({ role: 'admin' });
    expect(await serviceOf(undefined).service.principalById('bootstrap')).toBeNull();
  });
});
