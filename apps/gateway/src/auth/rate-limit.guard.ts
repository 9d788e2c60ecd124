import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Request } from 'express';
import { HttpProblemError } from '../problems/http-problem';
import { routeOf } from '../routing/route.decorator';
import { principalOf } from './principal';
import { RateLimitShare, type SharedBuckets } from './rate-limit-share';

// Per API key (a Bearer key and the sessions opened with it share one bucket). Public routes (sign-in,
// docs) are limited per client address, so sign-in attempts are bounded too; health is not limited. The buckets
// are shared with the other gateway replicas (RateLimitShare), so N replicas still allow one rate.
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets: SharedBuckets;

  constructor(
    private readonly clock: Clock,
    share: RateLimitShare,
    @Inject(APP_ENV) env: Env,
  ) {
    this.buckets = share.register('requests', env.GATEWAY_RATE_LIMIT_PER_MINUTE, env.GATEWAY_RATE_LIMIT_BURST);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const bucket = bucketOf(req, routeOf(context)?.auth === false);
    if (bucket === null) return true;
    const retryAfter = this.buckets.take(bucket, this.clock.nowMs());
    if (retryAfter > 0) {
      const who = bucket.startsWith('key:') ? 'this API key' : 'this address';
      throw new HttpProblemError('HTTP.RATE_LIMITED', `Too many requests for ${who}; retry in ${retryAfter} s`, {
        'Retry-After': String(retryAfter),
      });
    }
    return true;
  }
}

// req.ip is the proxy's address unless GATEWAY_TRUST_PROXY is set (then the forwarded client's).
function bucketOf(req: Request, publicRoute: boolean): string | null {
  const principal = principalOf(req);
  if (principal) return `key:${principal.keyId}`;
  return publicRoute ? `address:${req.ip ?? 'unknown'}` : null;
}
