import type { DuoAuthLogEvent } from '../../contracts/duo-events';

export function authLogEvent(accountId: string, txid: string, timestamp = 1_751_290_000): DuoAuthLogEvent {
  return {
    integrationId: 'int1',
    accountId,
    fetchedAt: '2026-11-23T10:00:00.000Z',
    record: {
      txid,
      timestamp,
      event_type: 'authentication',
      result: 'success',
      factor: 'duo_push',
      user: { key: 'DU1', name: 'ada@example.org' },
      application: { key: 'DI1', name: 'Slack' },
    },
  };
}
