import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Request } from 'express';
import { HttpProblemError } from '../problems/http-problem';
import { principalOf } from './principal';
import { TokenBuckets } from './token-bucket';

// Per API key; unauthenticated routes (health, docs) are not limited here.
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(
    private readonly clock: Clock,
    @Inject(APP_ENV) env: Env,
  ) {
    this.buckets = new TokenBuckets(env.GATEWAY_RATE_LIMIT_PER_MINUTE, env.GATEWAY_RATE_LIMIT_BURST);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const principal = principalOf(context.switchToHttp().getRequest<Request>());
    if (!principal) return true;
    const retryAfter = this.buckets.take(principal.keyId, this.clock.nowMs());
    if (retryAfter > 0) {
      throw new HttpProblemError('HTTP.RATE_LIMITED', `Too many requests for this API key; retry in ${retryAfter} s`, {
        'Retry-After': String(retryAfter),
      });
    }
    return true;
  }
}
