import { Inject, Injectable } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/discovery-env';
import type { USAGE_FLAGS } from '@seatwise/shared/contracts/discovery-views';

export type UsageFlag = (typeof USAGE_FLAGS)[number];

// When a denial rate is unusual: at least `ratePercent` % of at least `minAttempts` attempts denied.
export interface FlagThresholds {
  ratePercent: number;
  minAttempts: number;
}

interface FlaggedCounts {
  // Every attempt (authCount), denials among them (denied + fraud), fraud among those.
  attempts: number;
  denials: number;
  fraud: number;
}

// A service's or user's flags: `fraud` when Duo reported any fraud, `denial-rate` when the denial rate is
// unusual. Counted over the whole inventory (the lifetime counts the views show), so a flag never
// appears or disappears with the clock alone.
export function usageFlags(counts: FlaggedCounts, thresholds: FlagThresholds): UsageFlag[] {
  const flags: UsageFlag[] = [];
  if (counts.fraud > 0) flags.push('fraud');
  if (counts.attempts >= thresholds.minAttempts && counts.denials * 100 >= thresholds.ratePercent * counts.attempts) {
    flags.push('denial-rate');
  }
  return flags;
}

// The configured thresholds (DISCOVERY_DENIAL_RATE_PERCENT, DISCOVERY_DENIAL_MIN_ATTEMPTS).
@Injectable()
export class FlagRules {
  constructor(@Inject(APP_ENV) private readonly env: Env) {}

  options(): FlagThresholds {
    return { ratePercent: this.env.DISCOVERY_DENIAL_RATE_PERCENT, minAttempts: this.env.DISCOVERY_DENIAL_MIN_ATTEMPTS };
  }
}
