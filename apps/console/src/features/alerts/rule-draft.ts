import type { AlertRule, NewRule } from './alerts-queries';
import { conditionOf, type DeliveryMode, RULE_KINDS, type RuleKind, type Thresholds, thresholdsOf } from './rule-kinds';

// A rule as its form holds it while being edited.
export interface RuleDraft {
  name: string;
  kind: RuleKind;
  thresholds: Thresholds;
  channelIds: string[];
  accountId: string | undefined;
  delivery: DeliveryMode;
  throttleMinutes: number | '';
  enabled: boolean;
}

// The form's fields the API's field errors can name (paths like "body.condition.minutes").
export const RULE_FIELDS = [
  'name',
  'condition',
  'condition.minutes',
  'condition.seats',
  'condition.monthlyImpact',
  'channelIds',
  'accountId',
  'delivery',
  'throttleMinutes',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export function emptyRuleDraft(): RuleDraft {
  return {
    name: '',
    kind: 'sync_error',
    thresholds: {},
    channelIds: [],
    accountId: undefined,
    delivery: 'immediate',
    throttleMinutes: '',
    enabled: true,
  };
}

export function draftOfRule(rule: AlertRule): RuleDraft {
  return {
    name: rule.name,
    kind: rule.condition.kind,
    thresholds: thresholdsOf(rule.condition),
    channelIds: rule.channelIds,
    accountId: rule.accountId ?? undefined,
    delivery: rule.delivery,
    throttleMinutes: rule.throttleMinutes ?? '',
    enabled: rule.enabled,
  };
}

// The whole rule as the API takes it (create and edit alike): no scope and no throttle are sent as null.
export function ruleBodyOf(draft: RuleDraft): NewRule {
  return {
    name: draft.name.trim(),
    condition: conditionOf(draft.kind, draft.thresholds),
    channelIds: draft.channelIds,
    accountId: draft.accountId ?? null,
    delivery: draft.delivery,
    throttleMinutes: draft.throttleMinutes === '' ? null : draft.throttleMinutes,
    enabled: draft.enabled,
  };
}

// What must be filled before the form can be sent; the API checks the bounds and answers field errors.
export function ruleDraftComplete(draft: RuleDraft): boolean {
  const thresholdsFilled = RULE_KINDS[draft.kind].thresholds.every(
    (spec) => spec.optional === true || (draft.thresholds[spec.field] ?? '') !== '',
  );
  return draft.name.trim() !== '' && draft.channelIds.length > 0 && thresholdsFilled;
}
