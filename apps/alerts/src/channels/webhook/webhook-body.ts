import type { AlertNotification } from '../channel-sender';

// The JSON a webhook receiver gets: the notification as the channel contract carries it, with a version so the
// shape can evolve. Serialised once: the signature covers exactly these bytes.
export const WEBHOOK_BODY_VERSION = 1;

export function webhookBody(notification: AlertNotification): string {
  return JSON.stringify({
    version: WEBHOOK_BODY_VERSION,
    id: notification.id,
    kind: notification.kind,
    at: notification.at,
    alerts: notification.alerts,
  });
}
