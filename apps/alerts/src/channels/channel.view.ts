import type { AlertChannelView } from '@seatwise/shared/contracts/alerts-channels';
import type { ChannelDoc } from './channel.repository';

// A channel as the API answers it: never its secret, only whether one is set (webhooks).
export function toChannelView(doc: ChannelDoc): AlertChannelView {
  return {
    id: doc._id,
    name: doc.name,
    kind: doc.kind,
    enabled: doc.enabled,
    url: doc.kind === 'webhook' ? doc.url : null,
    secretSet: doc.kind === 'webhook' ? doc.secret !== null : null,
    to: doc.kind === 'email' ? doc.to : null,
    boardId: doc.kind === 'ticket' ? doc.boardId : null,
    disabledReason: doc.disabledReason,
    disabledAt: doc.disabledAt ? new Date(doc.disabledAt).toISOString() : null,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
