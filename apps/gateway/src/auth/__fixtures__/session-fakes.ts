import { Clock } from '@seatwise/platform/clock/clock';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { ApiKeysService } from '../api-keys.service';
import type { Principal } from '../principal';
import type { SessionDoc, SessionRepository } from '../session.repository';
import { SessionService } from '../session.service';

export const TTL_MS = 60 * 60 * 1_000;

// A clock that moves only when told.
export class FakeClock extends Clock {
  constructor(public ms = Date.UTC(2026, 0, 1, 9, 0, 0)) {
    super();
  }
  override now(): Date {
    return new Date(this.ms);
  }
  override nowMs(): number {
    return this.ms;
  }
}

// Sessions in memory, kept past their expiry like FerretDB keeps them (no TTL monitor).
export class MemorySessions {
  readonly docs = new Map<string, SessionDoc>();

  insert(doc: SessionDoc): Promise<void> {
    this.docs.set(doc._id, doc);
    return Promise.resolve();
  }
  findById(id: string): Promise<SessionDoc | null> {
    return Promise.resolve(this.docs.get(id) ?? null);
  }
  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.docs.delete(id));
  }
  deleteExpired(now: Date): Promise<void> {
    for (const [id, doc] of this.docs) if (doc.expiresAt <= now) this.docs.delete(id);
    return Promise.resolve();
  }
}

// API keys by the key text; revoking one makes principalById answer null, as the real service does.
export class FakeKeys {
  private readonly byKey = new Map<string, Principal>();
  private readonly revoked = new Set<string>();

  add(key: string, principal: Principal): void {
    this.byKey.set(key, principal);
  }
  revoke(keyId: string): void {
    this.revoked.add(keyId);
  }
  authenticate(key: string): Promise<Principal | null> {
    const principal = this.byKey.get(key);
    return Promise.resolve(principal && !this.revoked.has(principal.keyId) ? principal : null);
  }
  principalById(keyId: string): Promise<Principal | null> {
    if (this.revoked.has(keyId)) return Promise.resolve(null);
    return Promise.resolve([...this.byKey.values()].find((p) => p.keyId === keyId) ?? null);
  }
}

export interface SessionBed {
  clock: FakeClock;
  store: MemorySessions;
  keys: FakeKeys;
  sessions: SessionService;
}

export const ADMIN_KEY = 'admin-key';
export const VIEWER_KEY = 'viewer-key';

// A SessionService over the fakes, with an admin and a viewer key.
export function sessionBed(): SessionBed {
  const clock = new FakeClock();
  const store = new MemorySessions();
  const keys = new FakeKeys();
  keys.add(ADMIN_KEY, { keyId: 'key_admin', name: 'ops', role: 'admin' });
  keys.add(VIEWER_KEY, { keyId: 'key_viewer', name: 'dashboard', role: 'viewer' });
  const env = { GATEWAY_SESSION_TTL_MS: TTL_MS } as Env;
  const sessions = new SessionService(
    store as unknown as SessionRepository,
    keys as unknown as ApiKeysService,
    clock,
    env,
  );
  return { clock, store, keys, sessions };
}
