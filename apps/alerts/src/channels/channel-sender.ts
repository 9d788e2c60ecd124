import type { AlertChannelKind } from '@seatwise/shared/contracts/alerts-channels';

// What a channel is asked to deliver: an alert that opened or resolved, or a digest of several. `id` is the
// delivery's identity: senders pass it on (webhook header, email Message-ID, ticket idempotency key) so a
// receiver can drop a repeat after a crash between sending and recording.
export interface AlertNotification {
  id: string;
  kind: 'opened' | 'resolved' | 'digest';
  // The alert (condition) it is about; for a digest, the alerts it lists.
  alerts: NotifiedAlert[];
  at: string;
}

export interface NotifiedAlert {
  alertId: string;
  ruleId: string;
  ruleName: string;
  ruleKind: string;
  state: 'open' | 'resolved';
  accountId: string | null;
  accountName: string | null;
  title: string;
  detail: string;
  // Numbers and names the rule measured (threshold, value, error code…), for templates and webhook bodies.
  facts: Record<string, string | number | boolean | null>;
  openedAt: string;
  resolvedAt: string | null;
}

// How one attempt ended. `retryable` false means retrying cannot help (4xx from a webhook, bad address).
export type DeliveryOutcome =
  { ok: true; detail: string } | { ok: false; retryable: boolean; code: string; detail: string };

// One sender per channel kind; the dispatcher picks by `kind`, retries, logs and disables.
export interface ChannelSender<C> {
  readonly kind: AlertChannelKind;
  send(channel: C, notification: AlertNotification): Promise<DeliveryOutcome>;
}
