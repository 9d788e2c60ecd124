import type { AlertNotification, NotifiedAlert } from '../channel-sender';

// An alert with text that must be escaped or kept whole: markup, quotes, ampersands, non-ASCII and a line break.
export function hostileAlert(overrides: Partial<NotifiedAlert> = {}): NotifiedAlert {
  return {
    alertId: 'alert_1',
    ruleId: 'rule_1',
    ruleName: 'Sync <in> error',
    ruleKind: 'sync-error',
    state: 'open',
    accountId: 'DA123',
    accountName: 'Acme & <Sons> "Ltd" — Zürich',
    title: 'Sync failing for <script>alert(1)</script>',
    detail: "Duo answered 40103 'invalid signature'\nsince 10:00 & still failing",
    facts: { errorCode: 'CONNECTOR.DUO_UNAUTHORIZED', minutes: 45, critical: true, note: null },
    openedAt: '2026-12-01T10:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

export function notificationOf(id: string, alerts: NotifiedAlert[], kind: AlertNotification['kind'] = 'opened') {
  return { id, kind, at: '2026-12-01T10:45:00.000Z', alerts } satisfies AlertNotification;
}
