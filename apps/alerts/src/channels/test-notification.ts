import type { AlertNotification } from './channel-sender';

// What "send test" delivers: an opened alert that says it is a test, about no account (so a ticket channel files
// nothing real unless asked to: see ChannelsService.test), with a fresh id so receivers do not drop it as a repeat.
export function testNotification(channelId: string, id: string, at: Date, accountId: string | null): AlertNotification {
  const iso = at.toISOString();
  return {
    id,
    kind: 'opened',
    at: iso,
    alerts: [
      {
        alertId: `test.${channelId}`,
        ruleId: 'test',
        ruleName: 'Channel test',
        ruleKind: 'test',
        state: 'open',
        accountId,
        accountName: null,
        title: 'Seatwise test notification',
        detail: 'This channel works: an admin asked Seatwise to send a test through it. Nothing needs doing.',
        facts: { channelId },
        openedAt: iso,
        resolvedAt: null,
      },
    ],
  };
}
