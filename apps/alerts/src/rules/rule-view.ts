import type { AlertRuleView } from '@seatwise/shared/contracts/alerts-views';
import type { RuleDoc } from '../rule-store/rule.repository';

export function ruleView(doc: RuleDoc): AlertRuleView {
  return {
    id: doc._id,
    name: doc.name,
    condition: doc.condition,
    accountId: doc.accountId,
    channelIds: doc.channelIds,
    enabled: doc.enabled,
    delivery: doc.delivery,
    throttleMinutes: doc.throttleMinutes,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
