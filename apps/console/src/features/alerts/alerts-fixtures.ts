import { FakeGateway } from '../../testing/fake-gateway';
import type { AlertChannel, AlertItem, AlertRule } from './alerts-queries';

export const ACCOUNT = { id: 'acc_1', name: 'Acme Dental' };

export function alertItem(overrides: Partial<AlertItem> = {}): AlertItem {
  return {
    id: 'alt_1',
    accountId: ACCOUNT.id,
    conditionKey: 'acc_1',
    detail: 'The last sync failed 90 minutes ago',
    facts: {},
    openedAt: '2026-03-01T08:00:00.000Z',
    resolvedAt: null,
    ruleId: 'rul_1',
    ruleKind: 'sync_error',
    ruleName: 'Sync watch',
    state: 'open',
    title: 'Acme Dental: sync failing',
    ...overrides,
  };
}

export function rule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'rul_1',
    name: 'Sync watch',
    accountId: null,
    channelIds: ['chn_hook'],
    condition: { kind: 'sync_error', minutes: 60 },
    createdAt: '2026-02-01T08:00:00.000Z',
    updatedAt: '2026-02-01T08:00:00.000Z',
    delivery: 'immediate',
    enabled: true,
    throttleMinutes: null,
    ...overrides,
  };
}

export function channel(overrides: Partial<AlertChannel> = {}): AlertChannel {
  return {
    id: 'chn_hook',
    kind: 'webhook',
    name: 'Ops webhook',
    url: 'https://hooks.example.com/seatwise',
    secretSet: true,
    to: null,
    boardId: null,
    enabled: true,
    disabledAt: null,
    disabledReason: null,
    createdAt: '2026-02-01T08:00:00.000Z',
    updatedAt: '2026-02-01T08:00:00.000Z',
    ...overrides,
  };
}

export const EMAIL_CHANNEL = channel({
  id: 'chn_mail',
  kind: 'email',
  name: 'Service desk mail',
  url: null,
  secretSet: null,
  to: ['desk@msp.example'],
  enabled: false,
  disabledAt: '2026-02-20T08:00:00.000Z',
  disabledReason: 'The SMTP server rejected 5 messages in a row',
});

const page = <T>(items: T[]) => ({ body: { items, nextCursor: null } });

// The routes the alerts screen reads: accounts (names, the scope picker), and each tab's list.
export function alertsGateway(
  lists: { alerts?: AlertItem[]; rules?: AlertRule[]; channels?: AlertChannel[] } = {},
): FakeGateway {
  return new FakeGateway()
    .on('GET /api/v1/accounts', page([{ ...ACCOUNT, integrationId: 'int_1', removed: false }]))
    .on('GET /api/v1/alerts', page(lists.alerts ?? []))
    .on('GET /api/v1/alerts/rules', page(lists.rules ?? []))
    .on('GET /api/v1/alerts/channels', page(lists.channels ?? []))
    .on('GET /api/v1/alerts/deliveries', page([]));
}
