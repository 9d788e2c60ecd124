import { Injectable } from '@nestjs/common';
import type { DuoApiError } from './duo-errors';

export interface DuoRetrySettings {
  /** Total attempts per call, the first included. */
  maxAttempts: number;
  /** Backoff base for 5xx, network errors, timeouts and malformed responses. */
  baseDelayMs: number;
  /** Backoff base for 429: Duo sends no Retry-After and its log budget is ~2 calls/min, so start higher. */
  rateLimitBaseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_SETTINGS: DuoRetrySettings = {
  maxAttempts: 6,
  baseDelayMs: 250,
  rateLimitBaseDelayMs: 2_000,
  maxDelayMs: 30_000,
};

/**
 * Exponential backoff with full jitter: uniform in [0, min(max, base · 2^(failedAttempt − 1))]. Full jitter spreads
 * the retries of concurrent scans that all hit the same 429 window.
 */
export function backoffDelayMs(
  failedAttempt: number,
  error: DuoApiError,
  settings: DuoRetrySettings,
  random: () => number,
): number {
  const base = error.code === 'CONNECTOR.DUO_RATE_LIMITED' ? settings.rateLimitBaseDelayMs : settings.baseDelayMs;
  const ceiling = Math.min(settings.maxDelayMs, base * 2 ** Math.max(0, failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/** Waiting is a side effect: specs swap this for a recorder and never really sleep. */
@Injectable()
export class Sleeper {
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
