import { exceeded, type InventorySize } from './embedded-limits';

const LIMITS = { services: 1_000, accountUsers: 100 };

const size = (users: number, services: number, largestUsers: number): InventorySize => ({
  accounts: 3,
  users,
  services,
  largest: { accountId: 'DA1', users: largestUsers },
});

describe('exceeded', () => {
  it('is empty within both limits, at them included', () => {
    expect(exceeded(size(900, 1_000, 100), LIMITS)).toEqual([]);
  });

  it('names the services of all accounts over their limit', () => {
    expect(exceeded(size(900, 1_001, 50), LIMITS)).toEqual([
      "1001 services across 3 accounts (the embedded server's limit is 1000)",
    ]);
  });

  it('names the largest account over the per-account limit', () => {
    expect(exceeded(size(500, 10, 101), LIMITS)).toEqual([
      "account DA1 has 101 users (the embedded server's limit is 100 per account)",
    ]);
  });

  it('names both, and nothing for an empty inventory', () => {
    expect(exceeded(size(2_000, 1_500, 200), LIMITS)).toHaveLength(2);
    expect(exceeded({ accounts: 0, users: 0, services: 0, largest: null }, LIMITS)).toEqual([]);
  });
});
