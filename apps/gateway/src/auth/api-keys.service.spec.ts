import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { FakeClock } from './__fixtures__/session-fakes';
import type { ApiKeyDoc, ApiKeyRepository } from './api-key.repository';
import { API_KEY_CACHE_MS, ApiKeysService, BOOTSTRAP_KEY_ID } from './api-keys.service';

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
    // A new document, as a database read returns: what a replica cached is not changed under it.
    revoke: (id: string, at: Date) => {
      const doc = docs.get(id);
      if (doc) docs.set(id, { ...doc, revokedAt: at });
      return Promise.resolve(docs.get(id) ?? null);
    },
    touch: () => Promise.resolve(),
    page: () => Promise.resolve({ items: [...docs.values()], nextCursor: null }),
    recordBootstrap: (doc: ApiKeyDoc) => {
      if (docs.get(doc._id)?.hash !== doc.hash) docs.set(doc._id, { ...doc });
      return Promise.resolve();
    },
    activeAdminIds: () =>
      Promise.resolve([...docs.values()].filter((d) => d.role === 'admin' && d.revokedAt === null).map((d) => d._id)),
  };
  return { repository: repository as unknown as ApiKeyRepository, reads };
}

function serviceOf(adminKey: string | undefined, docs = new Map<string, ApiKeyDoc>()) {
  const { repository, reads } = repositoryOf(docs);
  const clock = new FakeClock();
  const logger = { warn: () => undefined } as unknown as Logger;
  const service = new ApiKeysService(repository, clock, { SEATWISE_ADMIN_API_KEY: adminKey } as Env, logger);
  return { service, reads, clock, docs, repository };
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
    clock.ms += API_KEY_CACHE_MS;
    await service.principalById(created.id);
    expect(reads.byId).toBe(2);
  });

  it('shares one read among the requests that find the entry expired together', async () => {
    const { service, reads, clock } = serviceOf(undefined);
    const created = await service.create({ name: 'console', role: 'viewer' });
    const principals = await Promise.all(Array.from({ length: 16 }, () => service.principalById(created.id)));
    expect(principals.every((p) => p?.keyId === created.id)).toBe(true);
    expect(reads.byId).toBe(1);
    clock.ms += API_KEY_CACHE_MS;
    await Promise.all(Array.from({ length: 16 }, () => service.principalById(created.id)));
    expect(reads.byId).toBe(2);
  });

  it('does not let a read begun before a revocation cache the key as it was', async () => {
    const { service, repository, docs } = serviceOf(undefined);
    const created = await service.create({ name: 'console', role: 'viewer' });
    const before = docs.get(created.id);
    let answer: (doc: ApiKeyDoc | null) => void = () => undefined;
    // The first read hangs, then answers the key as it was before the revocation.
    jest
      .spyOn(repository, 'findById')
      .mockImplementationOnce(() => new Promise<ApiKeyDoc | null>((resolve) => (answer = resolve)));
    const stale = service.principalById(created.id);
    await service.revoke(created.id);
    answer(before ?? null);
    // That request was checked before the revocation; every later one sees it.
    expect(await stale).not.toBeNull();
    expect(await service.principalById(created.id)).toBeNull();
  });

  it('refuses a key another replica revoked within one second (mutation: with the former 5 s cache it still works)', async () => {
    const docs = new Map<string, ApiKeyDoc>();
    const here = serviceOf(undefined, docs);
    const there = serviceOf(undefined, docs);
    const created = await here.service.create({ name: 'console', role: 'viewer' });
    expect(await there.service.principalById(created.id)).not.toBeNull();
    expect(await there.service.authenticate(created.key)).not.toBeNull();
    await here.service.revoke(created.id);
    there.clock.ms += 1_000;
    expect(await there.service.principalById(created.id)).toBeNull();
    expect(await there.service.authenticate(created.key)).toBeNull();
  });

  it('keeps the bootstrap key valid while it is configured', async () => {
    expect(await serviceOf(BOOTSTRAP).service.principalById(BOOTSTRAP_KEY_ID)).toMatchObject({ role: 'admin' });
    expect(await serviceOf(undefined).service.principalById(BOOTSTRAP_KEY_ID)).toBeNull();
  });
});

describe('the bootstrap key', () => {
  it('is listed, creates a named admin key, and can then be revoked like any key', async () => {
    const { service } = serviceOf(BOOTSTRAP);
    await service.onModuleInit();
    expect((await service.page(10, undefined)).items.map((k) => k.id)).toEqual([BOOTSTRAP_KEY_ID]);
    // Alone, it is the last admin key: revoking it would lock everyone out.
    await expect(service.revoke(BOOTSTRAP_KEY_ID)).rejects.toMatchObject({ code: 'AUTH.LAST_ADMIN_KEY' });
    const named = await service.create({ name: 'ops', role: 'admin' });
    expect((await service.revoke(BOOTSTRAP_KEY_ID)).revokedAt).not.toBeNull();
    expect(await service.authenticate(BOOTSTRAP)).toBeNull();
    expect(await service.principalById(BOOTSTRAP_KEY_ID)).toBeNull();
    expect(await service.authenticate(named.key)).toMatchObject({ name: 'ops', role: 'admin' });
    // The named key is now the last admin key.
    await expect(service.revoke(named.id)).rejects.toMatchObject({ code: 'AUTH.LAST_ADMIN_KEY' });
  });

  it('stays revoked across restarts, and a new configured key starts over', async () => {
    const first = serviceOf(BOOTSTRAP);
    await first.service.onModuleInit();
    await first.service.create({ name: 'ops', role: 'admin' });
    await first.service.revoke(BOOTSTRAP_KEY_ID);
    const restarted = serviceOf(BOOTSTRAP, first.docs);
    await restarted.service.onModuleInit();
    expect(await restarted.service.authenticate(BOOTSTRAP)).toBeNull();
    const rotated = `boot-${'r'.repeat(40)}`;
    const replaced = serviceOf(rotated, first.docs);
    await replaced.service.onModuleInit();
    expect(await replaced.service.authenticate(rotated)).toMatchObject({ keyId: BOOTSTRAP_KEY_ID, role: 'admin' });
    expect(await replaced.service.authenticate(BOOTSTRAP)).toBeNull();
  });
});
