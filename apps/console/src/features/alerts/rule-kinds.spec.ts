import { conditionOf, describeCondition, RULE_KINDS, type RuleKind } from './rule-kinds';

describe('rule conditions', () => {
  it("builds each kind's condition from only that kind's thresholds", () => {
    const typed = { minutes: 30, seats: 4, monthlyImpact: 250 };
    const built = (Object.keys(RULE_KINDS) as RuleKind[]).map((kind) => conditionOf(kind, typed));
    expect(built).toEqual([
      { kind: 'sync_error', minutes: 30 },
      { kind: 'credentials_rejected' },
      { kind: 'account_behind', minutes: 30 },
      { kind: 'logs_silent', minutes: 30 },
      { kind: 'discrepancy', seats: 4, monthlyImpact: 250 },
      { kind: 'reclaimable_seats', seats: 4 },
      { kind: 'unmatched_service' },
      { kind: 'fraud_report', minutes: 30 },
    ]);
  });

  it('leaves an empty optional threshold out, so the API applies its default', () => {
    expect(JSON.parse(JSON.stringify(conditionOf('fraud_report', { minutes: '' })))).toEqual({ kind: 'fraud_report' });
    expect(JSON.parse(JSON.stringify(conditionOf('discrepancy', { seats: 2 })))).toEqual({
      kind: 'discrepancy',
      seats: 2,
    });
  });

  it('describes a condition in one line for the rules list', () => {
    expect(describeCondition({ kind: 'discrepancy', seats: 3, monthlyImpact: 100 })).toBe(
      'Billing discrepancy: 3+ seats off or 100+ a month',
    );
    expect(describeCondition({ kind: 'credentials_rejected' })).toBe('Credentials rejected');
  });
});
