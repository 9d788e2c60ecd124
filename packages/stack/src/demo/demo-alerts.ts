import type { AlertRuleCondition } from '@seatwise/shared/contracts/alerts-views';
import type { SeatwiseApi } from './seatwise-api';

export const DEMO_MAILBOX = 'msp-ops@demo.seatwise.test';
const DEMO_CHANNEL = 'Demo ops mailbox (Mailpit)';

// What the demo watches, and how. The demo world trips most of these within minutes (discrepancies, reclaimable
// seats, unmatched services, fraud reports), so Mailpit's inbox shows real alert emails; unmatched services go out
// once a day in the digest instead of one email each.
const DEMO_RULES: { name: string; condition: AlertRuleCondition; delivery: 'immediate' | 'digest' }[] = [
  { name: 'Duo or PSA refused the credentials', condition: { kind: 'credentials_rejected' }, delivery: 'immediate' },
  { name: 'Sync failing for 15 minutes', condition: { kind: 'sync_error', minutes: 15 }, delivery: 'immediate' },
  { name: 'No Duo logs for 6 hours', condition: { kind: 'logs_silent', minutes: 360 }, delivery: 'immediate' },
  { name: 'Billing off by 5 seats or more', condition: { kind: 'discrepancy', seats: 5 }, delivery: 'immediate' },
  { name: 'More than 10 seats to reclaim', condition: { kind: 'reclaimable_seats', seats: 10 }, delivery: 'immediate' },
  { name: 'Fraud reported', condition: { kind: 'fraud_report', minutes: 24 * 60 }, delivery: 'immediate' },
  { name: 'New service outside the catalog', condition: { kind: 'unmatched_service' }, delivery: 'digest' },
];

// An email channel to the stack's Mailpit and the demo's rules on it, through the public API like an MSP would.
// Skipped when the channel exists (a restarted stack keeps its rules).
export async function setUpDemoAlerts(api: SeatwiseApi, say: (line: string) => void): Promise<void> {
  const existing = (await api.listAlertChannels()).items.find((channel) => channel.name === DEMO_CHANNEL);
  if (existing) {
    say(`alert channel "${DEMO_CHANNEL}" already exists`);
    return;
  }
  const channel = await api.createAlertChannel({ name: DEMO_CHANNEL, kind: 'email', to: [DEMO_MAILBOX] });
  for (const rule of DEMO_RULES) {
    await api.createAlertRule({ ...rule, channelIds: [channel.id] });
  }
  say(`alerts: ${DEMO_RULES.length} rules email ${DEMO_MAILBOX} (read them in Mailpit's inbox)`);
}
