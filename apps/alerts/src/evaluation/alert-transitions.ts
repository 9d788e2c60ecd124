import { Inject, Injectable } from '@nestjs/common';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { LOGGER } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import { newId } from '../db/ids';
import { Outbox } from '../delivery/outbox';
import type { Verdict } from './verdict';
import type { RuleDoc } from '../rule-store/rule.repository';
import { AlertRepository } from '../alerts/alert.repository';
import { OpenClaimsRepository } from '../alerts/open-claims.repository';

// One alert per (rule, condition) while the condition holds. Every step is idempotent so a crash at any point
// and the replay that follows finish the transition without repeating it:
//   open:    claim (unique insert) → alert → notifications (unique ids) → alert marked notified
//   resolve: alert resolved (only if open) → notifications (unique ids) → claim released
// A condition's steps run one at a time (evaluations from a consumer and from the timer may meet).
//
// Most evaluations change nothing (an open condition still holds, a clear one is still clear), so the outcome of
// each finished transition is remembered per condition: the open and notified alert, or none. Every claim of this
// service is taken and released here, so the memory stays true; it starts empty and is filled from the database.
@Injectable()
export class AlertTransitions {
  private readonly serializer = new KeyedSerializer();
  // `<rule>|<key>` → the open, notified alert holding the condition; null: none holds it.
  private readonly settled = new Map<string, string | null>();

  constructor(
    private readonly alerts: AlertRepository,
    private readonly claims: OpenClaimsRepository,
    private readonly outbox: Outbox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  apply(rule: RuleDoc, verdict: Verdict, now: Date): Promise<void> {
    const condition = `${rule._id}|${verdict.key}`;
    const known = this.settled.get(condition);
    // Nothing to do: still open and notified, or still clear.
    if (known !== undefined && (known !== null) === verdict.active) return Promise.resolve();
    return this.serializer.run(condition, async () => {
      this.settled.delete(condition);
      const holder = verdict.active ? await this.open(rule, verdict, now) : await this.resolve(rule, verdict, now);
      this.settled.set(condition, holder);
    });
  }

  // Answers the alert that holds the condition, open and notified.
  private async open(rule: RuleDoc, verdict: Verdict, now: Date): Promise<string> {
    const claim = await this.claims.take(rule._id, verdict.key, newId('alert'), now);
    if (!claim.taken) {
      const existing = (await this.alerts.byIds([claim.alertId]))[0];
      if (existing?.notified) return claim.alertId;
    }
    const inserted = await this.alerts.insertOnce({
      _id: claim.alertId,
      ruleId: rule._id,
      ruleName: rule.name,
      ruleKind: rule.kind,
      conditionKey: verdict.key,
      accountId: verdict.accountId,
      state: 'open',
      title: verdict.title,
      detail: verdict.detail,
      facts: verdict.facts,
      openedAt: now,
      resolvedAt: null,
      notified: false,
    });
    if (inserted) this.logger.info({ alert: claim.alertId, rule: rule._id, key: verdict.key }, 'alert opened');
    await this.outbox.enqueue(rule, claim.alertId, 'opened', now);
    await this.alerts.markNotified(claim.alertId);
    return claim.alertId;
  }

  // Answers null: nothing holds the condition any more.
  private async resolve(rule: RuleDoc, verdict: Verdict, now: Date): Promise<null> {
    const alertId = await this.claims.holder(rule._id, verdict.key);
    if (alertId === null) return null;
    await this.alerts.resolve(alertId, now, verdict.detail, verdict.facts);
    await this.outbox.enqueue(rule, alertId, 'resolved', now);
    await this.claims.release(rule._id, verdict.key, alertId);
    this.logger.info({ alert: alertId, rule: rule._id, key: verdict.key }, 'alert resolved');
    return null;
  }

  // A deleted rule's open alerts resolve without notifying anyone (nobody asked for them any more).
  async closeRule(rule: Pick<RuleDoc, '_id'>, now: Date): Promise<void> {
    for (const alert of await this.alerts.openOfRule(rule._id)) {
      const condition = `${rule._id}|${alert.conditionKey}`;
      await this.serializer.run(condition, async () => {
        this.settled.delete(condition);
        await this.alerts.resolve(alert._id, now, 'The rule was deleted.', alert.facts);
        await this.claims.release(rule._id, alert.conditionKey, alert._id);
        this.settled.set(condition, null);
      });
    }
  }
}
