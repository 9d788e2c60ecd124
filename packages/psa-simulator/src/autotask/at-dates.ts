import { DAY, type Agreement } from '../data/model';

// Autotask keeps date-only fields (contract dates, unit periods, adjustment effective dates) as the date at
// midnight UTC (fact sheet 3.2).
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

// Date-times as ISO-8601 UTC with milliseconds and "Z".
export function atDate(ms: number): string {
  return new Date(ms).toISOString();
}

// The world's agreements have no end; an Autotask contract must have one. Active: ten years after the start
// (beyond any effective date a test uses). Cancelled: the day it was last changed, as its end.
const TERM_DAYS = 3652;

export function contractStart(agreement: Agreement): number {
  return dayOf(agreement.startDate);
}

export function termEnd(start: number): number {
  return start + TERM_DAYS * DAY;
}

export function contractEnd(agreement: Agreement): number {
  return agreement.cancelled ? dayOf(agreement.lastUpdated) : termEnd(contractStart(agreement));
}
