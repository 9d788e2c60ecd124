import type { TicketCreateRequest } from '@seatwise/shared/contracts/reconcile-tickets';
import type { AlertNotification } from '../channel-sender';
import { headline, oneLine, plainText } from '../notification-text';

// ConnectWise caps a ticket summary at 100 characters; reconcile caps the description at 10,000.
const SUMMARY_MAX = 100;
const DESCRIPTION_MAX = 10_000;
// reconcile's idempotency keys: 1-200 of [A-Za-z0-9_.:@-].
const KEY_MAX = 200;

function truncated(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function idempotencyKeyOf(notificationId: string, accountId: string | null): string {
  const raw = accountId === null ? notificationId : `${notificationId}:${accountId}`;
  return raw.replace(/[^A-Za-z0-9_.:@-]/g, '-').slice(0, KEY_MAX);
}

// One ticket per account the notification is about: an open or resolved alert names one account; a digest may name
// several, and each account's company gets its own ticket with only its alerts. Alerts about no account file none.
export function ticketRequests(notification: AlertNotification, boardId: number): TicketCreateRequest[] {
  const byAccount = new Map<string, AlertNotification['alerts']>();
  for (const alert of notification.alerts) {
    if (alert.accountId === null) continue;
    byAccount.set(alert.accountId, [...(byAccount.get(alert.accountId) ?? []), alert]);
  }
  const single = byAccount.size === 1;
  return [...byAccount].map(([accountId, alerts]) => {
    const part: AlertNotification = { ...notification, alerts };
    return {
      accountId,
      boardId,
      summary: truncated(oneLine(`Seatwise ${headline(part)}`), SUMMARY_MAX),
      description: truncated(plainText(part).trim(), DESCRIPTION_MAX),
      // The notification's id is the key (a retry after a crash files nothing new); a digest's tickets add the account.
      idempotencyKey: idempotencyKeyOf(notification.id, single ? null : accountId),
    };
  });
}
