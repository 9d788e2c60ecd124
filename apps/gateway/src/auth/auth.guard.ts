import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
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

// Deny by default: a handler is public only if its route says auth: false, or it is the platform's
// health controller. Everything else needs a valid, unrevoked API key, sent as a Bearer token or held
// by the web console's session cookie (whose changes also need the session's CSRF token: a cookie is
// sent by the browser on its own, a Bearer header never is).
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = routeOf(context);
    if (route?.auth === false || (route === undefined && context.getClass() === HealthController)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    (req as AuthedRequest).principal = await this.principal(req);
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
