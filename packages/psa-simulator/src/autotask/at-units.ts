import { DAY } from '../data/model';
import { AtError } from './at-error';

// One ContractServiceUnits record: the units billed from `start` to `end` (both midnight UTC, `end` the last day
// included).
export interface UnitPeriod {
  id: number;
  start: number;
  end: number;
  units: number;
}

// The dated units of every contract service, by contract service id (the world's addition id). Units change only
// by adjustments: an adjustment effective on a day adds its change to the period that holds the day (split there)
// and to every later one; a service whose periods ended before the day (a cancelled line) gets a new period from
// the day to the contract's end.
export class UnitsBook {
  private readonly byLine = new Map<number, UnitPeriod[]>();
  private nextId = 1;

  open(lineId: number, start: number, end: number, units: number): void {
    const periods = this.byLine.get(lineId) ?? [];
    periods.push({ id: this.nextId++, start, end: Math.max(start, end), units });
    periods.sort((a, b) => a.start - b.start);
    this.byLine.set(lineId, periods);
  }

  has(lineId: number): boolean {
    return this.byLine.has(lineId);
  }

  periodsOf(lineId: number): readonly UnitPeriod[] {
    return this.byLine.get(lineId) ?? [];
  }

  lines(): number[] {
    return [...this.byLine.keys()].sort((a, b) => a - b);
  }

  // The units billed on `day`, or null when no period holds it.
  unitsAt(lineId: number, day: number): number | null {
    return this.periodsOf(lineId).find((p) => p.start <= day && day <= p.end)?.units ?? null;
  }

  // The newest period: what the line bills from its newest adjustment on.
  latest(lineId: number): UnitPeriod | undefined {
    return this.periodsOf(lineId).at(-1);
  }

  // Validates first and changes nothing on a 400: units never go below 0, and a day before the service's first
  // period has nothing to adjust.
  adjust(lineId: number, day: number, change: number, contractEnd: number): void {
    const periods = this.periodsOf(lineId).map((p) => ({ ...p }));
    const first = periods[0];
    if (first !== undefined && day < first.start) {
      throw AtError.badRequest(
        `effectiveDate ${isoDay(day)} is before the contract service's first period (${isoDay(first.start)}).`,
      );
    }
    const affected = this.split(periods, day).filter((p) => p.start >= day);
    if (affected.length === 0) {
      if (change < 0) throw AtError.badRequest(`unitChange ${change} would leave the service with negative units.`);
      periods.push({ id: 0, start: day, end: contractEnd, units: change });
    }
    for (const p of affected) {
      if (p.units + change < 0) {
        throw AtError.badRequest(
          `unitChange ${change} would leave ${p.units + change} units from ${isoDay(p.start)}; units cannot be negative.`,
        );
      }
      p.units += change;
    }
    this.byLine.set(
      lineId,
      periods.map((p) => (p.id === 0 ? { ...p, id: this.nextId++ } : p)),
    );
  }

  // Splits the period holding `day` in two at the day (the later part gets id 0, numbered on commit).
  private split(periods: UnitPeriod[], day: number): UnitPeriod[] {
    const holder = periods.find((p) => p.start < day && day <= p.end);
    if (holder) {
      periods.push({ id: 0, start: day, end: holder.end, units: holder.units });
      holder.end = day - DAY;
      periods.sort((a, b) => a.start - b.start);
    }
    return periods;
  }
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
