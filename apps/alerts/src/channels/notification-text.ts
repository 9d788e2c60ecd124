import type { AlertNotification, NotifiedAlert } from './channel-sender';

// The words every channel uses for a notification (email subject and body, ticket summary and description), as
// plain text: each channel escapes or truncates for its own medium.

const VERB: Record<AlertNotification['kind'], string> = { opened: 'Alert', resolved: 'Resolved', digest: 'Digest' };

// Control characters (CR/LF included) never reach a header or a one-line summary.
export function oneLine(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function accountLabel(alert: NotifiedAlert): string | null {
  if (alert.accountId === null) return null;
  return alert.accountName ? `${alert.accountName} (${alert.accountId})` : alert.accountId;
}

export function headline(notification: AlertNotification): string {
  const [first] = notification.alerts;
  if (notification.kind === 'digest' || !first) {
    const n = notification.alerts.length;
    return `${VERB.digest}: ${n} alert${n === 1 ? '' : 's'}`;
  }
  const account = accountLabel(first);
  return oneLine(`${VERB[notification.kind]}: ${first.title}${account ? ` — ${account}` : ''}`);
}

export interface AlertLine {
  label: string;
  value: string;
}

// One alert as label/value lines, in the order every medium shows them.
export function alertLines(alert: NotifiedAlert): AlertLine[] {
  const account = accountLabel(alert);
  const lines: AlertLine[] = [
    { label: 'State', value: alert.state === 'open' ? 'open' : 'resolved' },
    { label: 'Rule', value: `${alert.ruleName} (${alert.ruleKind})` },
    ...(account ? [{ label: 'Account', value: account }] : []),
    { label: 'Opened', value: alert.openedAt },
    ...(alert.resolvedAt ? [{ label: 'Resolved', value: alert.resolvedAt }] : []),
  ];
  for (const [key, value] of Object.entries(alert.facts)) lines.push({ label: key, value: String(value) });
  return lines;
}

export function plainText(notification: AlertNotification): string {
  const blocks = notification.alerts.map((alert) =>
    [
      alert.title,
      ...(alert.detail ? ['', alert.detail, ''] : ['']),
      ...alertLines(alert).map((line) => `${line.label}: ${line.value}`),
    ].join('\n'),
  );
  return [
    headline(notification),
    '',
    blocks.join('\n\n---\n\n'),
    '',
    `Notification ${notification.id} at ${notification.at}`,
  ]
    .join('\n')
    .concat('\n');
}
