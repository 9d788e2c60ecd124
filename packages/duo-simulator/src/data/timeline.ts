import { mix, unit } from './hash';

/**
 * One account's event timeline, computed rather than stored. Event i (0-based) of n historical events falls in
 * slot [start + i·step, start + (i+1)·step) at a seeded offset, so timestamps are non-decreasing in i and a time
 * maps to an index by binary search. In live mode the same rule continues past the history at `liveStep`.
 */
export class Timeline {
  readonly step: number;
  readonly liveStep: number | null;

  constructor(
    readonly salt: number,
    readonly count: number,
    readonly start: number,
    readonly end: number,
    liveSpeed: number | null,
  ) {
    this.step = count > 0 ? (end - start) / count : end - start;
    this.liveStep = liveSpeed === null ? null : Math.max(this.step / liveSpeed, 1);
  }

  /** Timestamp (epoch ms) of event i. */
  tsAt(i: number): number {
    const jitter = unit(mix(this.salt, i));
    if (i < this.count) return this.start + Math.floor((i + jitter) * this.step);
    // liveStep is non-null whenever callers ask beyond count (indexBound guarantees it).
    const live = this.liveStep ?? this.step;
    return this.end + Math.floor((i - this.count + jitter) * live);
  }

  /** An index bound: every event with ts <= t has an index below it. */
  private indexBound(t: number): number {
    if (this.liveStep === null || t < this.end) return this.count;
    return this.count + Math.floor((t - this.end) / this.liveStep) + 2;
  }

  /** Number of events with ts <= t, i.e. the index of the first event after t. */
  countAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.indexBound(t);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tsAt(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first event with ts >= t. */
  firstAtOrAfter(t: number): number {
    return this.countAtOrBefore(t - 1);
  }
}
