import { service } from '../__fixtures__/service-doc';
import { groupKeyOf } from '../inventory/group-key';
import { rollupGroup } from './group-rollup';

describe('services across customers', () => {
  it('groups by catalog product, else by normalized name', () => {
    const slack = { productId: 'slack', productName: 'Slack', method: 'exact' as const };
    expect(groupKeyOf(slack, 'Slack Enterprise')).toBe('product:slack');
    expect(groupKeyOf(null, 'Payroll Portal - Production')).toBe('name:payrollportal');
    expect(groupKeyOf(null, 'payroll portal')).toBe('name:payrollportal');
    expect(groupKeyOf(null, '***')).toBe('name:***');
  });

  it('counts customers with users, sums users, spans first and last seen, and lists the accounts', () => {
    const key = 'name:payrollportal';
    const group = rollupGroup(key, [
      service('A', 'DA2', 'Payroll Portal', { userCount: 4, firstSeen: new Date(500), lastSeen: new Date(900) }),
      service('B', 'DA1', 'payroll portal', { userCount: 2, lastSeen: new Date(5_000) }),
      service('C', 'DA1', 'Payroll Portal PROD', { userCount: 1 }),
      // Only failed attempts: listed, not a customer.
      service('D', 'DA3', 'Payroll Portal', { userCount: 0 }),
      // Merged into another: counted there.
      service('E', 'DA4', 'Payroll Portal', { mergedInto: 'DA4.X', userCount: 9 }),
      service('F', 'DA5', 'Other'),
    ]);
    expect(group).toEqual({
      _id: key,
      name: 'Payroll Portal',
      productId: null,
      category: null,
      customers: 2,
      users: 7,
      services: 4,
      firstSeen: new Date(500),
      lastSeen: new Date(5_000),
      accounts: [
        {
          accountId: 'DA1',
          users: 3,
          serviceIds: ['DA1.B', 'DA1.C'],
          firstSeen: new Date(1_000),
          lastSeen: new Date(5_000),
        },
        { accountId: 'DA2', users: 4, serviceIds: ['DA2.A'], firstSeen: new Date(500), lastSeen: new Date(900) },
        { accountId: 'DA3', users: 0, serviceIds: ['DA3.D'], firstSeen: new Date(1_000), lastSeen: new Date(2_000) },
      ],
    });
  });

  it('names a product group after the product, and is gone when nothing is left in it', () => {
    const catalog = { productId: 'slack', productName: 'Slack', method: 'alias' as const, category: 'Collaboration' };
    const group = rollupGroup('product:slack', [service('A', 'DA1', 'Slack Ent', { catalog })]);
    expect(group).toMatchObject({ name: 'Slack', productId: 'slack', category: 'Collaboration', customers: 1 });
    expect(rollupGroup('product:slack', [])).toBeNull();
  });
});
