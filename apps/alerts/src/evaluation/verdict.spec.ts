import type { SourceState } from '../sources/source-state';
import { verdictOf } from './verdict';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const MINUTE = 60_000;

const duoSync = (overrides: Partial<Extract<SourceState, { kind: 'duo-sync' }>> = {}): SourceState => ({
  kind: 'duo-sync',
  revision: 1,
  integrationId: 'int1',
  accountId: 'A1',
  syncStatus: 'error',
  errorCode: 'CONNECTOR.DUO_UNAVAILABLE',
  errorMessage: 'down',
  errorSinceMs: NOW - 10 * MINUTE,
  behindMs: 5 * MINUTE,
  ...overrides,
});

describe('verdictOf', () => {
  it('holds a sync error only once it has lasted the threshold', () => {
    expect(verdictOf({ kind: 'sync_error', minutes: 10 }, duoSync(), NOW)?.active).toBe(true);
    expect(verdictOf({ kind: 'sync_error', minutes: 11 }, duoSync(), NOW)?.active).toBe(false);
    expect(verdictOf({ kind: 'sync_error', minutes: 0 }, duoSync({ errorSinceMs: null }), NOW)?.active).toBe(false);
  });

  it('tells Duo credential refusals from other errors, and reads PSA runs too', () => {
    const rule = { kind: 'credentials_rejected' } as const;
    expect(verdictOf(rule, duoSync(), NOW)?.active).toBe(false);
    expect(verdictOf(rule, duoSync({ errorCode: 'CONNECTOR.DUO_FORBIDDEN' }), NOW)).toMatchObject({
      active: true,
      key: 'duo:int1:A1',
      accountId: 'A1',
    });
    const psa: SourceState = {
      kind: 'psa',
      connectionId: 'cw1',
      failedCode: 'RECONCILE.PSA_CREDENTIALS_INVALID',
      failedMessage: '401',
      finishedMs: NOW,
    };
    expect(verdictOf(rule, psa, NOW)).toMatchObject({ active: true, key: 'psa:cw1', accountId: null });
    expect(verdictOf(rule, { ...psa, failedCode: null }, NOW)?.active).toBe(false);
  });

  it('compares behind, silence, reclaimable seats and discrepancies with their thresholds', () => {
    expect(verdictOf({ kind: 'account_behind', minutes: 4 }, duoSync(), NOW)?.active).toBe(true);
    expect(verdictOf({ kind: 'account_behind', minutes: 5 }, duoSync(), NOW)?.active).toBe(false);
    const logs: SourceState = {
      kind: 'authlogs',
      accountId: 'A1',
      lastLogMs: NOW - 3 * 60 * MINUTE,
      lastFraudMs: null,
      lastFraudTxid: null,
      lastFraudUser: null,
    };
    expect(verdictOf({ kind: 'logs_silent', minutes: 180 }, logs, NOW)?.active).toBe(true);
    expect(verdictOf({ kind: 'logs_silent', minutes: 181 }, logs, NOW)?.active).toBe(false);
    expect(verdictOf({ kind: 'fraud_report', minutes: 60 }, logs, NOW)?.active).toBe(false);
    expect(
      verdictOf({ kind: 'fraud_report', minutes: 60 }, { ...logs, lastFraudMs: NOW - 59 * MINUTE }, NOW)?.active,
    ).toBe(true);
    const usage: SourceState = {
      kind: 'usage',
      revision: 1,
      accountId: 'A1',
      reclaimable: 5,
      billableUsers: 9,
      unusedAfterDays: 30,
    };
    expect(verdictOf({ kind: 'reclaimable_seats', seats: 4 }, usage, NOW)?.active).toBe(true);
    expect(verdictOf({ kind: 'reclaimable_seats', seats: 5 }, usage, NOW)?.active).toBe(false);
    const row: SourceState = {
      kind: 'row',
      revision: 1,
      accountId: 'A1',
      rowId: 'r1',
      sku: 'DUO-MFA',
      delta: -3,
      type: 'over_billed',
      state: 'pending',
      monthlyImpact: -90,
      currency: 'USD',
    };
    expect(verdictOf({ kind: 'discrepancy', seats: 3 }, row, NOW)?.active).toBe(true);
    expect(verdictOf({ kind: 'discrepancy', seats: 4 }, row, NOW)?.active).toBe(false);
    expect(verdictOf({ kind: 'discrepancy', seats: 4, monthlyImpact: 50 }, row, NOW)?.active).toBe(true);
    expect(verdictOf({ kind: 'discrepancy', seats: 1 }, { ...row, state: 'dismissed' }, NOW)?.active).toBe(false);
  });

  it('answers null for a source the rule does not read', () => {
    expect(verdictOf({ kind: 'unmatched_service' }, duoSync(), NOW)).toBeNull();
    expect(verdictOf({ kind: 'logs_silent', minutes: 1 }, duoSync(), NOW)).toBeNull();
  });
});
