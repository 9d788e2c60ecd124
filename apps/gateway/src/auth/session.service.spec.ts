import { AppError } from '@seatwise/shared/errors/app-error';
import { ADMIN_KEY, type SessionBed, TTL_MS, sessionBed } from './__fixtures__/session-fakes';
import { sessionId } from './session-token';

async function codeOf(pending: Promise<unknown>): Promise<string | null> {
  try {
    await pending;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('SessionService', () => {
  let bed: SessionBed;

  beforeEach(() => {
    bed = sessionBed();
  });

  it('opens a session for a valid key, stored under its token hash with its expiry', async () => {
    const { token, view } = await bed.sessions.signIn(ADMIN_KEY, null);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(view).toEqual({
      keyId: 'key_admin',
      name: 'ops',
      role: 'admin',
      expiresAt: new Date(bed.clock.ms + TTL_MS).toISOString(),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
    });
    expect([...bed.store.docs.keys()]).toEqual([sessionId(token)]);
    expect(JSON.stringify([...bed.store.docs.values()])).not.toContain(token);
    expect(bed.sessions.maxAgeSeconds).toBe(TTL_MS / 1_000);
  });

  it('refuses an unknown key', async () => {
    expect(await codeOf(bed.sessions.signIn('wrong', null))).toBe('AUTH.UNAUTHORIZED');
    expect(bed.store.docs.size).toBe(0);
  });

  it('answers the current session with the same CSRF token, and none without a cookie', async () => {
    const { token, view } = await bed.sessions.signIn(ADMIN_KEY, null);
    expect(await bed.sessions.find(token)).toEqual(view);
    expect(await bed.sessions.find(null)).toBeNull();
  });

  it('closes the previous session of the browser and sweeps expired ones at sign-in', async () => {
    const first = await bed.sessions.signIn(ADMIN_KEY, null);
    const stale = await bed.sessions.signIn(ADMIN_KEY, null);
    bed.clock.ms += TTL_MS;
    const second = await bed.sessions.signIn(ADMIN_KEY, first.token);
    expect([...bed.store.docs.keys()]).toEqual([sessionId(second.token)]);
    expect(await bed.sessions.find(stale.token)).toBeNull();
  });

  it('signs out only with the CSRF token, and is idempotent', async () => {
    const { token, view } = await bed.sessions.signIn(ADMIN_KEY, null);
    expect(await codeOf(bed.sessions.signOut(token, undefined))).toBe('AUTH.CSRF_FAILED');
    expect(await codeOf(bed.sessions.signOut(token, view.csrfToken))).toBeNull();
    expect(bed.store.docs.size).toBe(0);
    expect(await codeOf(bed.sessions.signOut(token, view.csrfToken))).toBeNull();
    expect(await codeOf(bed.sessions.signOut(null, undefined))).toBeNull();
    expect(await bed.sessions.find(token)).toBeNull();
  });

  it('removes an expired session at sign-out without asking for its token', async () => {
    const { token } = await bed.sessions.signIn(ADMIN_KEY, null);
    bed.clock.ms += TTL_MS;
    expect(await codeOf(bed.sessions.signOut(token, undefined))).toBeNull();
    expect(bed.store.docs.size).toBe(0);
  });
});
