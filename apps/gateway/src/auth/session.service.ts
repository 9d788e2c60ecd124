import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { CSRF_HEADER, type SessionView } from '@seatwise/shared/contracts/gateway-api';
import { AppError } from '@seatwise/shared/errors/app-error';
import { HttpProblemError } from '../problems/http-problem';
import { ApiKeysService } from './api-keys.service';
import { CHALLENGE } from './challenge';
import type { Principal } from './principal';
import { type SessionDoc, SessionRepository } from './session.repository';
import { isToken, newToken, sameSecret, sessionId } from './session-token';

// Methods that change nothing: a browser may be made to send them cross-site, so they need no CSRF token.
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

interface OpenedSession {
  // The cookie's value: returned once, stored only as its hash.
  token: string;
  view: SessionView;
}

interface LiveSession {
  doc: SessionDoc;
  principal: Principal;
}

// The web console's sign-in: an API key exchanged for a session cookie, checked on every request like
// the key itself (expiry, revocation) and, for changes, against its CSRF token.
@Injectable()
export class SessionService {
  private readonly ttlMs: number;

  constructor(
    private readonly repository: SessionRepository,
    private readonly keys: ApiKeysService,
    private readonly clock: Clock,
    @Inject(APP_ENV) env: Env,
  ) {
    this.ttlMs = env.GATEWAY_SESSION_TTL_MS;
  }

  get maxAgeSeconds(): number {
    return Math.floor(this.ttlMs / 1_000);
  }

  // Opens a session for a valid key; the session the browser held before (if any) is closed.
  async signIn(apiKey: string, previousToken: string | null): Promise<OpenedSession> {
    const principal = await this.keys.authenticate(apiKey);
    if (!principal) throw new HttpProblemError('AUTH.UNAUTHORIZED', 'The API key is unknown or revoked', CHALLENGE);
    const now = this.clock.now();
    // FerretDB has no TTL monitor: sign-ins sweep the expired sessions (a small collection).
    await this.repository.deleteExpired(now);
    if (previousToken !== null && isToken(previousToken)) await this.repository.delete(sessionId(previousToken));
    const token = newToken();
    const doc: SessionDoc = {
      _id: sessionId(token),
      keyId: principal.keyId,
      name: principal.name,
      role: principal.role,
      csrfToken: newToken(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    };
    await this.repository.insert(doc);
    return { token, view: toView(doc, principal) };
  }

  // The live session of a cookie, or null when there is none (signed out, expired, key revoked).
  async find(token: string | null): Promise<SessionView | null> {
    try {
      const { doc, principal } = await this.live(token);
      return toView(doc, principal);
    } catch (error) {
      if (error instanceof AppError && error.code === 'AUTH.SESSION_EXPIRED') return null;
      throw error;
    }
  }

  // Who a cookie-authenticated request comes from; a change must carry the session's CSRF token.
  async authenticate(token: string, method: string, csrfToken: string | undefined): Promise<Principal> {
    const { doc, principal } = await this.live(token);
    if (!SAFE_METHODS.has(method.toUpperCase())) checkCsrf(doc, csrfToken);
    return principal;
  }

  // Idempotent: without a live session there is nothing to close (an expired one is removed anyway).
  async signOut(token: string | null, csrfToken: string | undefined): Promise<void> {
    if (token === null || !isToken(token)) return;
    const doc = await this.repository.findById(sessionId(token));
    if (!doc) return;
    if (this.isLive(doc)) checkCsrf(doc, csrfToken);
    await this.repository.delete(doc._id);
  }

  private async live(token: string | null): Promise<LiveSession> {
    if (token === null) throw expired('Not signed in: POST /api/v1/session with an API key first');
    const doc = isToken(token) ? await this.repository.findById(sessionId(token)) : null;
    if (!doc || !this.isLive(doc)) throw expired('The session expired or was signed out; sign in again');
    const principal = await this.keys.principalById(doc.keyId);
    if (!principal) {
      await this.repository.delete(doc._id);
      throw expired('The API key of this session was revoked; sign in with another key');
    }
    return { doc, principal };
  }

  // Checked here, not left to the TTL index: FerretDB never removes expired documents.
  private isLive(doc: SessionDoc): boolean {
    return doc.expiresAt.getTime() > this.clock.nowMs();
  }
}

function checkCsrf(doc: SessionDoc, csrfToken: string | undefined): void {
  if (!sameSecret(csrfToken, doc.csrfToken)) {
    throw new AppError('AUTH.CSRF_FAILED', `Send the session's csrfToken as ${CSRF_HEADER} with every change`);
  }
}

function expired(message: string): AppError {
  return new HttpProblemError('AUTH.SESSION_EXPIRED', message, CHALLENGE);
}

function toView(doc: SessionDoc, principal: Principal): SessionView {
  return {
    keyId: principal.keyId,
    name: principal.name,
    role: principal.role,
    expiresAt: doc.expiresAt.toISOString(),
    csrfToken: doc.csrfToken,
  };
}
