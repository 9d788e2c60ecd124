import type { ExecutionContext } from '@nestjs/common';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { ErrorCode } from '@seatwise/shared/errors/error-catalog';
import { z } from 'zod';
import { ApiRoute } from '../routing/route.decorator';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { MemoryBus, replicaOn } from './__fixtures__/memory-bus';
import { ADMIN_KEY, type SessionBed, TTL_MS, VIEWER_KEY, sessionBed } from './__fixtures__/session-fakes';
import type { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';
import { type AuthedRequest, principalOf } from './principal';
import { RoleGuard } from './role.guard';

// Two guarded routes (a read and a change) and a public one, bound as the gateway binds its handlers.
class Routes {
  @ApiRoute({ method: 'GET', path: '/things', tag: 't', summary: 'read', response: z.unknown() })
  read(): void {}

  @ApiRoute({ method: 'POST', path: '/things', tag: 't', summary: 'change', response: z.unknown() })
  change(): void {}

  @ApiRoute({ method: 'POST', path: '/open', tag: 't', summary: 'public', auth: false, response: z.unknown() })
  open(): void {}

  // A handler someone bound without @ApiRoute: no role is declared for it.
  undeclared(): void {}
}

type Handler = 'read' | 'change' | 'open' | 'undeclared';

interface Call {
  handler: Handler;
  method: string;
  headers?: Record<string, string>;
}

function contextOf({ handler, method, headers = {} }: Call): { context: ExecutionContext; req: AuthedRequest } {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const req = { method, headers: lower, get: (name: string) => lower[name.toLowerCase()] } as unknown as AuthedRequest;
  const context = {
    getType: () => 'http',
    getClass: () => Routes,
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { context, req };
}

// The guard over the bed's fakes, allowing `burst` failed authentications per address (then 1 a minute).
function guardWith(bed: SessionBed, burst: number): AuthGuard {
  const env = { GATEWAY_UNAUTHENTICATED_PER_MINUTE: 1, GATEWAY_UNAUTHENTICATED_BURST: burst } as Env;
  const { share } = replicaOn(new MemoryBus(), bed.clock, 'gw-test');
  return new AuthGuard(bed.keys as unknown as ApiKeysService, bed.sessions, bed.clock, share, env);
}

describe('AuthGuard', () => {
  let bed: SessionBed;
  let guard: AuthGuard;

  beforeEach(() => {
    bed = sessionBed();
    guard = guardWith(bed, 100);
  });

  // Runs the guard (and the role guard after it, as the app does); answers the code it refused with.
  async function run(call: Call): Promise<{ code: ErrorCode | null; req: AuthedRequest }> {
    const { context, req } = contextOf(call);
    try {
      await guard.canActivate(context);
      new RoleGuard().canActivate(context);
      return { code: null, req };
    } catch (error) {
      if (error instanceof AppError) return { code: error.code, req };
      throw error;
    }
  }

  async function signedIn(key = ADMIN_KEY): Promise<{ cookie: string; csrf: string }> {
    const { token, view } = await bed.sessions.signIn(key, null);
    return { cookie: `other=1; seatwise_session=${token}`, csrf: view.csrfToken };
  }

  it('lets a public route through without credentials', async () => {
    expect((await run({ handler: 'open', method: 'POST' })).code).toBeNull();
  });

  it('refuses an authenticated request, even an admin key, to a handler that declares no route', async () => {
    const admin = { authorization: `Bearer ${ADMIN_KEY}` };
    expect((await run({ handler: 'undeclared', method: 'GET', headers: admin })).code).toBe('AUTH.FORBIDDEN');
    expect((await run({ handler: 'read', method: 'GET', headers: admin })).code).toBeNull();
  });

  it('refuses failed authentications past the per-address limit without looking the key up', async () => {
    guard = guardWith(bed, 3);
    const lookups = jest.spyOn(bed.keys, 'authenticate');
    const unknown = { authorization: 'Bearer swk_made_up_key_0000000000' };
    for (let i = 0; i < 3; i++) {
      expect((await run({ handler: 'read', method: 'GET', headers: unknown })).code).toBe('AUTH.UNAUTHORIZED');
    }
    expect(lookups).toHaveBeenCalledTimes(3);
    expect((await run({ handler: 'read', method: 'GET', headers: unknown })).code).toBe('HTTP.RATE_LIMITED');
    // Even a valid key waits: the address is refused before any lookup.
    const admin = { authorization: `Bearer ${ADMIN_KEY}` };
    expect((await run({ handler: 'read', method: 'GET', headers: admin })).code).toBe('HTTP.RATE_LIMITED');
    expect(lookups).toHaveBeenCalledTimes(3);
    // A minute later the address has one attempt again.
    bed.clock.ms += 60_000;
    expect((await run({ handler: 'read', method: 'GET', headers: admin })).code).toBeNull();
  });

  it('refuses a request without a key or a session', async () => {
    expect((await run({ handler: 'read', method: 'GET' })).code).toBe('AUTH.UNAUTHORIZED');
    expect((await run({ handler: 'read', method: 'GET', headers: { cookie: 'other=1' } })).code).toBe(
      'AUTH.UNAUTHORIZED',
    );
  });

  it('authenticates a Bearer key, which needs no CSRF token for a change', async () => {
    const { code, req } = await run({
      handler: 'change',
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(code).toBeNull();
    expect(principalOf(req)).toEqual({ keyId: 'key_admin', name: 'ops', role: 'admin' });
    const unknown = await run({ handler: 'read', method: 'GET', headers: { authorization: 'Bearer nope' } });
    expect(unknown.code).toBe('AUTH.UNAUTHORIZED');
  });

  it('authenticates a read with the session cookie alone', async () => {
    const { cookie } = await signedIn();
    const { code, req } = await run({ handler: 'read', method: 'GET', headers: { cookie } });
    expect(code).toBeNull();
    expect(principalOf(req)).toMatchObject({ keyId: 'key_admin', role: 'admin' });
  });

  it('refuses a change sent with the cookie but without its CSRF token', async () => {
    const { cookie } = await signedIn();
    expect((await run({ handler: 'change', method: 'POST', headers: { cookie } })).code).toBe('AUTH.CSRF_FAILED');
  });

  it('refuses a change with a wrong CSRF token, even one of another session', async () => {
    const { cookie, csrf } = await signedIn();
    const other = await signedIn();
    for (const token of [other.csrf, `${csrf.slice(0, -1)}x`, csrf.slice(1), '']) {
      const res = await run({ handler: 'change', method: 'POST', headers: { cookie, 'x-csrf-token': token } });
      expect(res.code).toBe('AUTH.CSRF_FAILED');
    }
  });

  it('accepts a change with the right CSRF token', async () => {
    const { cookie, csrf } = await signedIn();
    const res = await run({ handler: 'change', method: 'DELETE', headers: { cookie, 'X-CSRF-Token': csrf } });
    expect(res.code).toBeNull();
    expect(principalOf(res.req)?.keyId).toBe('key_admin');
  });

  it('refuses an expired session, though its document is still stored', async () => {
    const { cookie } = await signedIn();
    bed.clock.ms += TTL_MS - 1;
    expect((await run({ handler: 'read', method: 'GET', headers: { cookie } })).code).toBeNull();
    bed.clock.ms += 1;
    expect(bed.store.docs.size).toBe(1);
    expect((await run({ handler: 'read', method: 'GET', headers: { cookie } })).code).toBe('AUTH.SESSION_EXPIRED');
  });

  it('refuses a session whose API key was revoked, and forgets it', async () => {
    const { cookie } = await signedIn();
    bed.keys.revoke('key_admin');
    expect((await run({ handler: 'read', method: 'GET', headers: { cookie } })).code).toBe('AUTH.SESSION_EXPIRED');
    expect(bed.store.docs.size).toBe(0);
  });

  it('refuses an unknown or malformed session cookie', async () => {
    for (const value of ['A'.repeat(43), 'not a token', '']) {
      const res = await run({ handler: 'read', method: 'GET', headers: { cookie: `seatwise_session=${value}` } });
      expect(res.code).toBe('AUTH.SESSION_EXPIRED');
    }
  });

  it("applies the role guard to a session's principal: a viewer session may read, not change", async () => {
    const { cookie, csrf } = await signedIn(VIEWER_KEY);
    expect((await run({ handler: 'read', method: 'GET', headers: { cookie } })).code).toBeNull();
    const change = await run({ handler: 'change', method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    expect(change.code).toBe('AUTH.FORBIDDEN');
  });
});
