import { NEVER } from './never';

export interface ReasonCount {
  reason: string;
  count: number;
}

// What a service, user or usage row holds about outcomes (see Outcomes, the batch's part of it): successful
// uses, denials (denied + fraud) with fraud apart and Duo's reasons, the last use and the last denial
// (NEVER when none: they are compared, so always set).
export interface OutcomeTotals {
  successCount: number;
  denialCount: number;
  fraudCount: number;
  denialReasons: ReasonCount[];
  lastSuccess: Date;
  lastDenial: Date;
}

export const NO_OUTCOMES: Readonly<OutcomeTotals> = {
  successCount: 0,
  denialCount: 0,
  fraudCount: 0,
  denialReasons: [],
  lastSuccess: NEVER,
  lastDenial: NEVER,
};

// The batch's part, as aggregated.
export interface OutcomeDelta {
  successes: number;
  denied: number;
  fraud: number;
  reasons: ReadonlyMap<string, number>;
  lastSuccess: Date | undefined;
  lastDenial: Date | undefined;
}

const later = (a: Date, b: Date | undefined): Date => (b && b > a ? b : a);

export function addOutcomes(from: OutcomeTotals, d: OutcomeDelta): OutcomeTotals {
  return {
    successCount: from.successCount + d.successes,
    denialCount: from.denialCount + d.denied + d.fraud,
    fraudCount: from.fraudCount + d.fraud,
    denialReasons: mergeReasons(from.denialReasons, d.reasons),
    lastSuccess: later(from.lastSuccess, d.lastSuccess),
    lastDenial: later(from.lastDenial, d.lastDenial),
  };
}

// Most frequent first, then by reason: the same totals always give the same array.
export function mergeReasons(stored: readonly ReasonCount[], added: ReadonlyMap<string, number>): ReasonCount[] {
  const counts = new Map(stored.map((r) => [r.reason, r.count]));
  for (const [reason, n] of added) counts.set(reason, (counts.get(reason) ?? 0) + n);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
