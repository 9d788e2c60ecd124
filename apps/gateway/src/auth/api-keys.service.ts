import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { ApiKeyRole, ApiKeyView } from '@seatwise/shared/contracts/gateway-api';
import type { Page } from '@seatwise/shared/contracts/page';
import { AppError, ErrorCodes } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { randomBytes } from 'node:crypto';
import { generateKey, hashKey, prefixOf, sameHash } from './api-key-secret';
import { type ApiKeyDoc, ApiKeyRepository } from './api-key.repository';
import type { Principal } from './principal';

// The bootstrap key (SEATWISE_ADMIN_API_KEY) is listed like the others, under this id, so an admin can revoke it
// (DELETE /api/v1/api-keys/key_bootstrap) once named keys exist; configuring another key brings a new one.
export const BOOTSTRAP_KEY_ID = 'key_bootstrap';
const BOOTSTRAP_NAME = 'bootstrap-admin';
const BOOTSTRAP_PRINCIPAL: Principal = { keyId: BOOTSTRAP_KEY_ID, name: BOOTSTRAP_NAME, role: 'admin' };
// A verified key is trusted this long without another read: revocation through this gateway is immediate, and
// reaches every other replica within this period (#18: within 1 s everywhere). A read per key per second per
// replica is what that costs.
export const API_KEY_CACHE_MS = 1_000;
// lastUsedAt is written at most this often per key: a read per request must not become a write per request.
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class ApiKeysService implements OnModuleInit {
  private readonly bootstrapHash: string | null;
  private readonly cache = new Map<string, { doc: ApiKeyDoc | null; at: number }>();
  // The read under way per cache key: the requests that find an entry expired together share one read
  // (under load every request in flight did its own, each second).
  private readonly reading = new Map<string, Promise<ApiKeyDoc | null>>();
  private readonly touchedAt = new Map<string, number>();
  // Told at once when this gateway revokes a key (its open event streams close); other replicas notice at their
  // next check of the key, at most API_KEY_CACHE_MS later.
  private readonly revokedListeners = new Set<(keyId: string) => void>();

  constructor(
    private readonly repository: ApiKeyRepository,
    private readonly clock: Clock,
    @Inject(APP_ENV) env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.bootstrapHash = env.SEATWISE_ADMIN_API_KEY ? hashKey(env.SEATWISE_ADMIN_API_KEY) : null;
  }

  async onModuleInit(): Promise<void> {
    if (this.bootstrapHash === null) return;
    await this.repository.recordBootstrap({
      _id: BOOTSTRAP_KEY_ID,
      name: BOOTSTRAP_NAME,
      role: 'admin',
      hash: this.bootstrapHash,
      prefix: 'env:SEATWISE_ADMIN_API_KEY',
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
  }

  async authenticate(presented: string): Promise<Principal | null> {
    const hash = hashKey(presented);
    if (this.bootstrapHash !== null && sameHash(hash, this.bootstrapHash)) {
      return (await this.bootstrapActive()) ? BOOTSTRAP_PRINCIPAL : null;
    }
    const prefix = prefixOf(presented);
    if (prefix === null) return null;
    const doc = await this.lookup(prefix, () => this.repository.findByPrefix(prefix));
    if (!doc || doc.revokedAt !== null || !sameHash(hash, doc.hash)) return null;
    this.touch(doc._id);
    return principalOf(doc);
  }

  // The key a session was opened with, as it is now: null once revoked (or, for the bootstrap key,
  // once it is no longer configured). Read through the same short cache as authenticate.
  async principalById(keyId: string): Promise<Principal | null> {
    if (keyId === BOOTSTRAP_KEY_ID) {
      return this.bootstrapHash !== null && (await this.bootstrapActive()) ? BOOTSTRAP_PRINCIPAL : null;
    }
    const doc = await this.lookup(keyId, () => this.repository.findById(keyId));
    if (!doc || doc.revokedAt !== null) return null;
    this.touch(doc._id);
    return principalOf(doc);
  }

  async create(input: { name: string; role: ApiKeyRole }): Promise<ApiKeyView & { key: string }> {
    const { key, prefix, hash } = generateKey();
    const doc: ApiKeyDoc = {
      _id: `key_${randomBytes(9).toString('base64url')}`,
      name: input.name,
      role: input.role,
      hash,
      prefix,
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.repository.insert(doc);
    return { ...toView(doc), key };
  }

  async page(limit: number, cursor: string | undefined): Promise<Page<ApiKeyView>> {
    const page = await this.repository.page(limit, cursor);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<ApiKeyView> {
    const doc = await this.repository.findById(id);
    if (!doc) throw notFound(id);
    return toView(doc);
  }

  // Refused when it would leave no admin key that works (the bootstrap key counts only while configured).
  async revoke(id: string): Promise<ApiKeyView> {
    const target = await this.repository.findById(id);
    if (target?.role === 'admin' && target.revokedAt === null) {
      const others = (await this.repository.activeAdminIds()).filter(
        (other) => other !== id && (other !== BOOTSTRAP_KEY_ID || this.bootstrapHash !== null),
      );
      if (others.length === 0) {
        throw new AppError('AUTH.LAST_ADMIN_KEY', `${id} is the last admin key; create another admin key first`);
      }
    }
    const doc = await this.repository.revoke(id, this.clock.now());
    if (!doc) throw notFound(id);
    for (const cacheKey of [doc.prefix, doc._id]) {
      this.cache.delete(cacheKey);
      // A read begun before the revocation must not cache the key as it was.
      this.reading.delete(cacheKey);
    }
    for (const listener of this.revokedListeners) listener(doc._id);
    return toView(doc);
  }

  onRevoked(listener: (keyId: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  // The bootstrap key works unless its record says revoked (no record yet: it was never revoked).
  private async bootstrapActive(): Promise<boolean> {
    const doc = await this.lookup(BOOTSTRAP_KEY_ID, () => this.repository.findById(BOOTSTRAP_KEY_ID));
    return doc === null || (doc.revokedAt === null && doc.hash === this.bootstrapHash);
  }

  // Cached by prefix (swk_…) or by id (key_…): the two never collide.
  private lookup(cacheKey: string, read: () => Promise<ApiKeyDoc | null>): Promise<ApiKeyDoc | null> {
    const now = this.clock.nowMs();
    const cached = this.cache.get(cacheKey);
    if (cached && now - cached.at < API_KEY_CACHE_MS) return Promise.resolve(cached.doc);
    const under = this.reading.get(cacheKey);
    if (under) return under;
    const reading = read().then(
      (doc) => {
        // Only the read still current caches its answer (a revocation meanwhile dropped it).
        if (this.reading.get(cacheKey) === reading) {
          this.reading.delete(cacheKey);
          // Bounded: unknown prefixes are cached too (a flood of bad keys must not reach the database each time).
          if (this.cache.size > 10_000) this.cache.clear();
          this.cache.set(cacheKey, { doc, at: now });
        }
        return doc;
      },
      (error: unknown) => {
        if (this.reading.get(cacheKey) === reading) this.reading.delete(cacheKey);
        throw error;
      },
    );
    this.reading.set(cacheKey, reading);
    return reading;
  }

  private touch(id: string): void {
    const now = this.clock.nowMs();
    if (now - (this.touchedAt.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    this.touchedAt.set(id, now);
    this.repository.touch(id, new Date(now)).catch((error: unknown) => {
      this.logger.warn({ err: error, keyId: id }, 'could not record API key use');
    });
  }
}

function principalOf(doc: ApiKeyDoc): Principal {
  return { keyId: doc._id, name: doc.name, role: doc.role };
}

function toView(doc: ApiKeyDoc): ApiKeyView {
  return {
    id: doc._id,
    name: doc.name,
    role: doc.role,
    prefix: doc.prefix,
    createdAt: doc.createdAt.toISOString(),
    lastUsedAt: doc.lastUsedAt?.toISOString() ?? null,
    revokedAt: doc.revokedAt?.toISOString() ?? null,
  };
}

function notFound(id: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `No API key ${id}`);
}
