import { Injectable } from '@nestjs/common';
import type { AlertView } from '@seatwise/shared/contracts/alerts-views';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AlertRepository, type AlertDoc } from './alert.repository';

@Injectable()
export class AlertsQuery {
  constructor(private readonly alerts: AlertRepository) {}

  async list(request: RpcInput<'alerts.alerts.list'>): Promise<Page<AlertView>> {
    const page = await this.alerts.page(request, request.limit, request.cursor);
    return { items: page.items.map(alertView), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<AlertView> {
    const doc = await this.alerts.findById(id);
    if (!doc) throw new AppError('ALERTS.ALERT_NOT_FOUND', `No alert ${id}`);
    return alertView(doc);
  }
}

export function alertView(doc: AlertDoc): AlertView {
  return {
    id: doc._id,
    ruleId: doc.ruleId,
    ruleName: doc.ruleName,
    ruleKind: doc.ruleKind,
    conditionKey: doc.conditionKey,
    accountId: doc.accountId,
    state: doc.state,
    title: doc.title,
    detail: doc.detail,
    facts: doc.facts,
    openedAt: doc.openedAt.toISOString(),
    resolvedAt: doc.resolvedAt ? doc.resolvedAt.toISOString() : null,
  };
}
