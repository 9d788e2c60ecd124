import { alertLines, headline, oneLine, plainText } from '../notification-text';
import type { AlertNotification } from '../channel-sender';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  // RFC 5322 Message-ID, stable per notification: a resend after a crash is recognisably the same message.
  messageId: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Everything that reaches the HTML body goes through this: alert titles, details, account names and facts all come
// from data Seatwise does not control (Duo account names, service names, error messages).
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// The id part of a Message-ID must be dot-atom text: the notification id is kept to the characters allowed there.
export function messageIdOf(notificationId: string): string {
  return `<${notificationId.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '-')}@alerts.seatwise>`;
}

function htmlBody(notification: AlertNotification): string {
  const sections = notification.alerts.map((alert) => {
    const rows = alertLines(alert)
      .map(
        (line) =>
          `<tr><th style="text-align:left;padding:2px 12px 2px 0">${escapeHtml(line.label)}</th><td>${escapeHtml(line.value)}</td></tr>`,
      )
      .join('');
    const detail = alert.detail ? `<p>${escapeHtml(alert.detail).replace(/\r?\n/g, '<br>')}</p>` : '';
    return `<h2 style="font-size:16px">${escapeHtml(alert.title)}</h2>${detail}<table>${rows}</table>`;
  });
  return [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h1 style="font-size:18px">${escapeHtml(headline(notification))}</h1>`,
    sections.join('<hr>'),
    `<p style="color:#666;font-size:12px">Notification ${escapeHtml(notification.id)} at ${escapeHtml(notification.at)}</p>`,
    '</body></html>',
  ].join('');
}

export function emailContent(notification: AlertNotification): EmailContent {
  return {
    subject: oneLine(`[Seatwise] ${headline(notification)}`).slice(0, 250),
    text: plainText(notification),
    html: htmlBody(notification),
    messageId: messageIdOf(notification.id),
  };
}
