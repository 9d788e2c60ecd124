import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '@seatwise/shared/errors/app-error';

// A request with less than this left before the deadline is not started: it could not finish in time.
const MIN_REQUEST_MS = 1_000;

// How long a push may still write to the PSA (#18): until its lease on the row ends. The PSA knows no fencing token,
// so this fence is time: a request starts only while it can end before the deadline (its timeout is cut to what is
// left, and the request is aborted then), and the lease outlives the deadline by a margin. A push stalled or slowed
// by retries past its lease therefore sends nothing once another push may hold the row. A request the PSA received
// before the deadline is assumed applied, if at all, within its timeout.
export interface PsaWriteFence {
  deadlineMs: number;
  nowMs: () => number;
}

const active = new AsyncLocalStorage<PsaWriteFence>();

// Runs a push's PSA calls under its fence: every exchange they make (psaExchange) is held to it, through whichever
// adapter, retry loop or request queue they pass.
export function withinFence<T>(fence: PsaWriteFence, run: () => Promise<T>): Promise<T> {
  return active.run(fence, run);
}

// The timeout of a request that starts now: as given outside a push (syncs, verification, tickets); within one, cut
// to what is left of its fence, or RECONCILE.PUSH_LEASE_EXPIRED when it may no longer start.
export function fencedTimeout(timeoutMs: number, where: string): number | AppError {
  const fence = active.getStore();
  if (!fence) return timeoutMs;
  const left = fence.deadlineMs - fence.nowMs();
  if (left < MIN_REQUEST_MS) {
    return new AppError(
      'RECONCILE.PUSH_LEASE_EXPIRED',
      `The push's lease on its row ran out before ${where}; whoever takes the row next pushes it again`,
    );
  }
  return Math.min(timeoutMs, left);
}
