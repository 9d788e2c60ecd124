import { TokenStore } from './halo-tokens';

describe('TokenStore', () => {
  it('accepts a token until its lifetime ends, and never an unknown one', () => {
    let now = 1_000_000;
    const store = new TokenStore(() => now);
    const issued = store.issue(60);
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: 60 });
    expect(store.valid(issued.access_token)).toBe(true);
    expect(store.valid('nope')).toBe(false);
    now += 59_999;
    expect(store.valid(issued.access_token)).toBe(true);
    now += 1;
    expect(store.valid(issued.access_token)).toBe(false);
  });

  it('issues a different token each time', () => {
    const store = new TokenStore();
    expect(store.issue(1).access_token).not.toBe(store.issue(1).access_token);
  });
});
