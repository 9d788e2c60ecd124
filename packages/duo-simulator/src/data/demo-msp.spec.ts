import { resolveOptions } from '../options';
import { CUSTOM_APPS, EDITIONS, SAAS_APPS } from './catalog';
import { DEMO_EDITIONS } from './demo-msp';
import { eventCore } from './events';
import { buildWorld } from './world';

// The stack's demo (5 accounts, 40 users, 20,000 events by default), and smaller or larger ones.
const demo = (accounts: number, extra: Record<string, unknown> = {}) =>
  buildWorld(
    resolveOptions({ seed: 'demo-3', accounts, usersPerAccount: 40, events: 20_000, demo: true, ...extra }),
    1_700_000_000_000,
  );
const SAAS_NAMES = new Set(SAAS_APPS.flat());
const CUSTOM_NAMES = new Set<string>(CUSTOM_APPS);

describe('the demo MSP (option demo)', () => {
  it('differs from the plain world of the same seed only in editions (paid ones) and one hidden edition', () => {
    const plain = buildWorld(resolveOptions({ seed: 'demo-3', accounts: 5, usersPerAccount: 40 }), 1);
    const shown = demo(5);
    expect(shown.accounts.map((a) => [a.id, a.name, a.apps, [...a.statuses]])).toEqual(
      plain.accounts.map((a) => [a.id, a.name, a.apps, [...a.statuses]]),
    );
    expect(plain.accounts.every((a) => a.editionExposed)).toBe(true);
    for (const account of demo(30).accounts) expect(DEMO_EDITIONS).toContain(account.edition);
    expect(EDITIONS).toContain('PERSONAL');
    expect(DEMO_EDITIONS).not.toContain('PERSONAL');
  });

  it.each([
    [1, []],
    [3, []],
    [4, [3]],
    [5, [3]],
    [12, [3]],
  ])('with %i accounts, hides the billing edition of %j', (accounts, hidden) => {
    const world = demo(accounts);
    expect(world.accounts.filter((a) => !a.editionExposed).map((a) => a.index)).toEqual(hidden);
  });

  it('adds an Admin API integration on the last child without "read resource", after any extra given', () => {
    const world = demo(5, { extraIntegrations: [{ type: 'auth', account: 0 }] });
    expect(world.extras.map((x) => x.type)).toEqual(['auth', 'admin']);
    const restricted = world.extras[1];
    expect(restricted?.accountIndex).toBe(4);
    expect([...(restricted?.permissions ?? [])].sort()).toEqual(['read_information', 'read_log']);
    expect(world.integrations.get(restricted?.ikey ?? '')).toBe(restricted);
    expect(demo(1).extras[0]?.accountIndex).toBe(0);
  });

  // Discovery's catalog matches every SAAS_APPS spelling and none of CUSTOM_APPS (its saas-catalog spec), so
  // every account's inventory holds matched services and unmatched ones to curate.
  it('gives every account authentications on catalog SaaS and on internal applications', () => {
    for (const account of demo(5).accounts) {
      const used = new Set<string>();
      for (let i = 0; i < account.auth.count; i++) used.add(account.apps[eventCore(account, i).app]?.name ?? '');
      expect([...used].filter((name) => SAAS_NAMES.has(name)).length).toBeGreaterThan(3);
      expect([...used].filter((name) => CUSTOM_NAMES.has(name)).length).toBeGreaterThan(0);
    }
  });
});
