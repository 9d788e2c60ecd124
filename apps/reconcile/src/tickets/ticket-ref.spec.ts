import { externalRefOf, fingerprintOf } from './ticket-ref';

describe('ticket references', () => {
  it('derive the PSA reference from the account and the key only, stable and within CW externalXRef limits', () => {
    const ref = externalRefOf({ accountId: 'DA1' }, 'alert-1');
    expect(ref).toBe(externalRefOf({ accountId: 'DA1' }, 'alert-1'));
    expect(ref).toMatch(/^seatwise:[0-9a-f]{40}$/);
    expect(ref.length).toBeLessThanOrEqual(100);
    const longest = externalRefOf({ accountId: 'A'.repeat(64) }, 'k'.repeat(200));
    expect(longest.length).toBe(ref.length);
  });

  it('tell accounts and keys apart (a key is per account)', () => {
    const refs = new Set([
      externalRefOf({ accountId: 'DA1' }, 'alert-1'),
      externalRefOf({ accountId: 'DA2' }, 'alert-1'),
      externalRefOf({ accountId: 'DA1' }, 'alert-2'),
    ]);
    // Account ids have no ":" (contracts/common.ts), so `<account>:<key>` cannot be split two ways.
    expect(refs.size).toBe(3);
  });

  it('fingerprint the board, summary and description, nothing else', () => {
    const base = { boardId: 2, summary: 'Seats differ', description: 'Duo 12, PSA 9' };
    expect(fingerprintOf(base)).toBe(fingerprintOf({ ...base }));
    expect(fingerprintOf({ ...base, boardId: 3 })).not.toBe(fingerprintOf(base));
    expect(fingerprintOf({ ...base, summary: 'Other' })).not.toBe(fingerprintOf(base));
    expect(fingerprintOf({ ...base, description: 'Other' })).not.toBe(fingerprintOf(base));
  });
});
