import type { AlertRule, NewRule } from './alerts-queries';

export type RuleCondition = NewRule['condition'];
export type RuleKind = RuleCondition['kind'];
export type DeliveryMode = AlertRule['delivery'];
export type ThresholdField = 'minutes' | 'seats' | 'monthlyImpact';

export interface ThresholdSpec {
  field: ThresholdField;
  label: string;
  description: string;
  min: number;
  integer: boolean;
  // An optional threshold is left out of the condition when empty (the API applies its default or none).
  optional?: boolean;
  // The threshold in the rules list ("after 60 min").
  summary: (value: number) => string;
}

const minutes = (label: string, description: string, summary: string, min = 1): ThresholdSpec => ({
  field: 'minutes',
  label,
  description,
  min,
  integer: true,
  summary: (value) => `${summary} ${value} min`,
});

// Each kind's thresholds, as the API's condition union declares them (bounds from docs/openapi.json; the
// comparisons as apps/alerts evaluates them).
export const RULE_KINDS: Record<RuleKind, { label: string; thresholds: readonly ThresholdSpec[] }> = {
  sync_error: {
    label: 'Sync failing',
    thresholds: [minutes('Failing for (minutes)', 'How long syncs must keep failing; 0 alerts at once', 'for', 0)],
  },
  credentials_rejected: { label: 'Credentials rejected', thresholds: [] },
  account_behind: {
    label: 'Account behind',
    thresholds: [minutes('Behind by (minutes)', 'How far the last good sync may lag', 'by over')],
  },
  logs_silent: {
    label: 'Authentication logs silent',
    thresholds: [minutes('Silent for (minutes)', 'How long without a new sign-in before alerting', 'for')],
  },
  discrepancy: {
    label: 'Billing discrepancy',
    thresholds: [
      {
        field: 'seats',
        label: 'Seats off by',
        description: 'Seat difference that opens an alert',
        min: 1,
        integer: true,
        summary: (value) => `${value}+ seats off`,
      },
      {
        field: 'monthlyImpact',
        label: 'Or monthly impact of',
        description: 'Optional: also alert when the money at stake each month reaches this',
        min: 0.01,
        integer: false,
        optional: true,
        summary: (value) => `or ${value}+ a month`,
      },
    ],
  },
  reclaimable_seats: {
    label: 'Reclaimable seats',
    thresholds: [
      {
        field: 'seats',
        label: 'More than (seats)',
        description: 'Alert when more unused seats than this can be reclaimed',
        min: 0,
        integer: true,
        summary: (value) => `more than ${value}`,
      },
    ],
  },
  unmatched_service: { label: 'Unmatched SaaS service', thresholds: [] },
  fraud_report: {
    label: 'Fraud reported',
    thresholds: [
      {
        ...minutes('Within (minutes)', 'How far back a user’s fraud report counts; empty means a day', 'within'),
        optional: true,
      },
    ],
  },
};

export const DELIVERY_LABELS: Record<DeliveryMode, string> = { immediate: 'Immediately', digest: 'In a digest' };

// What a form holds while typed: numbers as the inputs give them (a number, or '' when empty).
export type Thresholds = Partial<Record<ThresholdField, number | ''>>;

function num(thresholds: Thresholds, field: ThresholdField): number {
  return Number(thresholds[field]);
}

// An optional threshold left empty is sent as absent (undefined keys are dropped from the JSON body).
function maybe(thresholds: Thresholds, field: ThresholdField): number | undefined {
  const value = thresholds[field];
  return value === '' || value === undefined ? undefined : value;
}

// The condition the API expects for a kind: exactly that kind's fields, nothing left over from another.
export function conditionOf(kind: RuleKind, t: Thresholds): RuleCondition {
  switch (kind) {
    case 'sync_error':
    case 'account_behind':
    case 'logs_silent':
      return { kind, minutes: num(t, 'minutes') };
    case 'discrepancy':
      return { kind, seats: num(t, 'seats'), monthlyImpact: maybe(t, 'monthlyImpact') };
    case 'reclaimable_seats':
      return { kind, seats: num(t, 'seats') };
    case 'fraud_report':
      return { kind, minutes: maybe(t, 'minutes') };
    case 'credentials_rejected':
    case 'unmatched_service':
      return { kind };
  }
}

export function thresholdsOf(c: RuleCondition): Thresholds {
  return {
    minutes: 'minutes' in c ? c.minutes : undefined,
    seats: 'seats' in c ? c.seats : undefined,
    monthlyImpact: 'monthlyImpact' in c ? c.monthlyImpact : undefined,
  };
}

// "Account behind: by over 60 min" — a rule's condition in one line for the list.
export function describeCondition(condition: RuleCondition): string {
  const thresholds = thresholdsOf(condition);
  const parts = RULE_KINDS[condition.kind].thresholds.flatMap((spec) => {
    const value = thresholds[spec.field];
    return value === undefined || value === '' ? [] : [spec.summary(value)];
  });
  const label = RULE_KINDS[condition.kind].label;
  return parts.length === 0 ? label : `${label}: ${parts.join(' ')}`;
}
