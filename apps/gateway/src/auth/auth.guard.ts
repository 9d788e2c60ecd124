import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { HealthController } from '@seatwise/platform/health/health.controller';
import type { Request } from 'express';
import { HttpProblemError } from '../problems/http-problem';
import { routeOf } from '../routing/route.decorator';
import { ApiKeysService } from './api-keys.service';
import { bearerToken } from './bearer';
import type { AuthedRequest } from './principal';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="seatwise"' };

// Deny by default: a handler is public only if its route says auth: false, or it is the platform's
// health controller. Everything else needs a valid, unrevoked API key.
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly keys: ApiKeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = routeOf(context);
    if (route?.auth === false || (route === undefined && context.getClass() === HealthController)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(req.headers.authorization);
    if (token === null) {
      throw new HttpProblemError('AUTH.UNAUTHORIZED', 'Send an API key as Authorization: Bearer <key>', CHALLENGE);
    }
    const principal = await this.keys.authenticate(token);
    if (!principal) throw new HttpProblemError('AUTH.UNAUTHORIZED', 'The API key is unknown or revoked', CHALLENGE);
    (req as AuthedRequest).principal = principal;
    return true;
  }
}
