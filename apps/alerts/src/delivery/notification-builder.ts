import { Injectable } from '@nestjs/common';
import type { AlertNotification, NotifiedAlert } from '../channels/channel-sender';
import { AlertRepository, type AlertDoc } from '../alerts/alert.repository';
import type { DeliveryDoc } from './delivery.repository';

// What a channel is sent for one outbox entry: the alerts it is about as they are now, and the entry's id as the
// delivery identity (a receiver drops a repeat after a crash between sending and recording).
@Injectable()
export class NotificationBuilder {
  constructor(private readonly alerts: AlertRepository) {}

  async build(delivery: DeliveryDoc): Promise<AlertNotification> {
    const alerts = await this.alerts.byIds(delivery.alertIds);
    const order = new Map(delivery.alertIds.map((id, index) => [id, index]));
    alerts.sort((a, b) => (order.get(a._id) ?? 0) - (order.get(b._id) ?? 0));
    return {
      id: delivery._id,
      kind: delivery.kind,
      alerts: alerts.map(notified),
      at: delivery.createdAt.toISOString(),
    };
  }
}

function notified(alert: AlertDoc): NotifiedAlert {
  return {
    alertId: alert._id,
    ruleId: alert.ruleId,
    ruleName: alert.ruleName,
    ruleKind: alert.ruleKind,
    state: alert.state,
    accountId: alert.accountId,
    // The alerts service knows accounts by id only (it reads events, not the connector's records).
    accountName: null,
    title: alert.title,
    detail: alert.detail,
    facts: alert.facts,
    openedAt: alert.openedAt.toISOString(),
    resolvedAt: alert.resolvedAt ? alert.resolvedAt.toISOString() : null,
  };
}
