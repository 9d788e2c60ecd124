import { Injectable } from '@nestjs/common';
import type { DeliveryView } from '@seatwise/shared/contracts/alerts-views';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { DeliveryRepository, type DeliveryDoc } from './delivery.repository';

@Injectable()
export class DeliveriesQuery {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async list(request: RpcInput<'alerts.deliveries.list'>): Promise<Page<DeliveryView>> {
    const page = await this.deliveries.page(request, request.limit, request.cursor);
    return { items: page.items.map(deliveryView), nextCursor: page.nextCursor };
  }
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function deliveryView(doc: DeliveryDoc): DeliveryView {
  return {
    id: doc._id,
    channelId: doc.channelId,
    kind: doc.kind,
    alertIds: doc.alertIds,
    ruleId: doc.ruleId,
    mode: doc.mode,
    state: doc.state,
    attempts: doc.attempts,
    lastError: doc.lastError ? { ...doc.lastError, at: doc.lastError.at.toISOString() } : null,
    nextAttemptAt: iso(doc.nextAttemptAt),
    deliveredAt: iso(doc.deliveredAt),
    digestId: doc.digestId,
    createdAt: doc.createdAt.toISOString(),
  };
}
