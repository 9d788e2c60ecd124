import { Badge } from '@mantine/core';
import type { AlertChannel } from './alerts-queries';

export type ChannelKind = AlertChannel['kind'];

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  webhook: 'Webhook',
  email: 'Email',
  ticket: 'PSA ticket',
};

export function ChannelKindBadge({ kind }: { kind: ChannelKind }) {
  return (
    <Badge size="sm" variant="outline" color="gray">
      {CHANNEL_KIND_LABELS[kind]}
    </Badge>
  );
}

// Where a channel sends (never its secret, which the API does not return).
export function channelTarget(channel: AlertChannel): string {
  switch (channel.kind) {
    case 'webhook':
      return channel.url ?? '—';
    case 'email':
      return channel.to?.join(', ') ?? '—';
    case 'ticket':
      return channel.boardId === null ? '—' : `Service board #${channel.boardId}`;
  }
}
