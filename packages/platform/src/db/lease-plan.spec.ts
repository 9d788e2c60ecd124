import type { LeaseState } from './lease-table';
import { planLeases } from './lease-plan';

const now = new Date('2026-12-03T10:00:00Z');
const later = new Date(now.getTime() + 10_000);
const earlier = new Date(now.getTime() - 1);

const member = (owner: string, expiresAt = later): LeaseState => ({
  id: `replica:${owner}`,
  owner,
  token: 1,
  expiresAt,
});
const lease = (id: string, owner: string | null, expiresAt = later): LeaseState => ({ id, owner, token: 3, expiresAt });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `account:a${i}`);

describe('planLeases', () => {
  it('takes every free lease while it is the only live replica', () => {
    const plan = planLeases({ me: 'x', now, wanted: new Set(ids(4)), held: new Set(), states: [member('x')] });
    expect(plan).toEqual({ renew: [], release: [], acquire: ids(4) });
  });

  it('hands over its excess when a second replica is live, and the newcomer takes only what is free', () => {
    const states = [member('x'), member('y'), ...ids(4).map((id) => lease(id, 'x'))];
    const wanted = new Set(ids(4));
    const x = planLeases({ me: 'x', now, wanted, held: new Set(ids(4)), states });
    expect(x.renew).toHaveLength(2);
    expect(x.release).toHaveLength(2);
    expect(x.acquire).toEqual([]);
    const afterRelease = states.map((s) => (x.release.includes(s.id) ? lease(s.id, null, new Date(0)) : s));
    const y = planLeases({ me: 'y', now, wanted, held: new Set(), states: afterRelease });
    expect(y.acquire.sort()).toEqual([...x.release].sort());
  });

  it('takes over the expired leases of a replica whose membership expired', () => {
    const states = [member('x'), member('y', earlier), lease('account:a0', 'x'), lease('account:a1', 'y', earlier)];
    const plan = planLeases({
      me: 'x',
      now,
      wanted: new Set(['account:a0', 'account:a1']),
      held: new Set(['account:a0']),
      states,
    });
    expect(plan).toEqual({ renew: ['account:a0'], release: [], acquire: ['account:a1'] });
  });

  it('never takes a lease another live owner holds, even below its share', () => {
    const states = [member('x'), lease('account:a0', 'y')];
    const plan = planLeases({ me: 'x', now, wanted: new Set(['account:a0']), held: new Set(), states });
    expect(plan.acquire).toEqual([]);
  });

  it('releases what it no longer wants', () => {
    const plan = planLeases({
      me: 'x',
      now,
      wanted: new Set(),
      held: new Set(['account:gone']),
      states: [member('x')],
    });
    expect(plan).toEqual({ renew: [], release: ['account:gone'], acquire: [] });
  });
});
