import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import { HealthController } from '@seatwise/platform/health/health.controller';
import { CSRF_HEADER } from '@seatwise/shared/contracts/gateway-api';
import type { Request } from 'express';
import { HttpProblemError } from '../problems/http-problem';
import { routeOf } from '../routing/route.decorator';
import { ApiKeysService } from './api-keys.service';
import { bearerToken } from './bearer';
import { CHALLENGE } from './challenge';
import type { AuthedRequest, Principal } from './principal';
import { SessionService } from './session.service';
import { sessionTokenOf } from './session-token';
import { RateLimitShare, type SharedBuckets } from './rate-limit-share';

// Deny by default: a handler is public only if its route says auth: false, or it is the platform's
// health controller. Everything else needs a valid, unrevoked API key, sent as a Bearer token or held
// by the web console's session cookie (whose changes also need the session's CSRF token: a cookie is
// sent by the browser on its own, a Bearer header never is).
//
// Failed authentications are limited per client address: past the limit a request is refused before its key is
// looked up, so a flood of made-up keys cannot reach the database (nor guess keys at speed). The failures are
// counted across the gateway's replicas (RateLimitShare).
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failures: SharedBuckets;

  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    share: RateLimitShare,
    @Inject(APP_ENV) env: Env,
  ) {
    this.failures = share.register(
      'unauthenticated',
      env.GATEWAY_UNAUTHENTICATED_PER_MINUTE,
      env.GATEWAY_UNAUTHENTICATED_BURST,
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = routeOf(context);
    if (route?.auth === false || (route === undefined && context.getClass() === HealthController)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    // req.ip is the proxy's address unless GATEWAY_TRUST_PROXY is set (then the forwarded client's).
    const address = `address:${req.ip ?? 'unknown'}`;
    const wait = this.failures.wait(address, this.clock.nowMs());
    if (wait > 0) {
      throw new HttpProblemError(
        'HTTP.RATE_LIMITED',
        `Too many requests without valid credentials from this address; retry in ${wait} s`,
        { 'Retry-After': String(wait) },
      );
    }
    try {
      (req as AuthedRequest).principal = await this.principal(req);
    } catch (error) {
      this.failures.take(address, this.clock.nowMs());
      throw error;
    }
    return true;
  }

  private async principal(req: Request): Promise<Principal> {
    const token = bearerToken(req.headers.authorization);
    if (token !== null) {
      const principal = await this.keys.authenticate(token);
      if (!principal) throw new HttpProblemError('AUTH.UNAUTHORIZED', 'The API key is unknown or revoked', CHALLENGE);
      return principal;
    }
    const session = sessionTokenOf(req.headers.cookie);
    if (session === null) {
      throw new HttpProblemError(
        'AUTH.UNAUTHORIZED',
        'Send an API key as Authorization: Bearer <key> (or sign in to the console)',
        CHALLENGE,
      );
    }
    return this.sessions.authenticate(session, req.method, req.get(CSRF_HEADER));
  }
}
