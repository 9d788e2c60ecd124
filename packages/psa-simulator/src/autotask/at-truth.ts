import { truthOf, type Truth } from '../data/truth';
import type { AtState } from './at-state';
import { isoDay } from './at-units';

export interface TruthUnitPeriod {
  id: number;
  // Dates (YYYY-MM-DD, UTC); endDate is the last day billed.
  startDate: string;
  endDate: string;
  units: number;
}
export interface TruthUnits {
  contractServiceId: number;
  contractId: number;
  serviceId: number;
  periods: TruthUnitPeriod[];
}
export type AutotaskTruth = Truth & { units: TruthUnits[] };

// The common truth plus the dated units of every contract service, which only this dialect keeps.
export function autotaskTruth(state: AtState): AutotaskTruth {
  const units = state.world.agreements.flatMap((a) =>
    a.additions.map((x) => ({
      contractServiceId: x.id,
      contractId: a.id,
      serviceId: x.productId,
      periods: state.book.periodsOf(x.id).map((p) => ({
        id: p.id,
        startDate: isoDay(p.start),
        endDate: isoDay(p.end),
        units: p.units,
      })),
    })),
  );
  return { ...truthOf(state.world), units };
}

// The units list of a truth read from an Autotask-mode simulator (sim.truth() or GET /_sim/truth).
export function unitsOfTruth(truth: unknown): TruthUnits[] {
  const units = (truth as { units?: unknown } | null)?.units;
  if (!Array.isArray(units)) throw new Error('this truth has no units: the simulator does not speak autotask');
  return units as TruthUnits[];
}
