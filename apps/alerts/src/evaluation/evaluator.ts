import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AlertRuleKind } from '@seatwise/shared/contracts/alerts-views';
import { AlertTransitions } from './alert-transitions';
import { RuleRepository, type RuleDoc } from '../rule-store/rule.repository';
import { accountOf, type SourceState } from '../sources/source-state';
import { kindsReading, verdictOf } from './verdict';

// Evaluates the enabled rules that read the given sources (their latest states) and applies each verdict: open
// the alert of a condition that holds, resolve the one of a condition that no longer does.
@Injectable()
export class Evaluator {
  constructor(
    private readonly rules: RuleRepository,
    private readonly transitions: AlertTransitions,
    private readonly clock: Clock,
  ) {}

  async evaluate(states: readonly SourceState[], kinds?: readonly AlertRuleKind[]): Promise<void> {
    if (states.length === 0) return;
    const reading = new Set(states.flatMap((state) => kindsReading(state.kind)));
    const wanted = kinds ? kinds.filter((kind) => reading.has(kind)) : [...reading];
    if (wanted.length === 0) return;
    const rules = await this.rules.enabledOf(wanted);
    if (rules.length === 0) return;
    const now = this.clock.now();
    for (const state of states) {
      for (const rule of rules) await this.evaluateOne(rule, state, now);
    }
  }

  private async evaluateOne(rule: RuleDoc, state: SourceState, now: Date): Promise<void> {
    if (rule.accountId !== null && accountOf(state) !== rule.accountId) return;
    const verdict = verdictOf(rule.condition, state, now.getTime());
    if (verdict) await this.transitions.apply(rule, verdict, now);
  }
}
