import { screen, within } from '@testing-library/react';
import { FakeGateway } from '../../testing/fake-gateway';
import { renderRoute } from '../../testing/render';
import { accountView, integrationView, page } from '../integrations/test-fixtures';

jest.setTimeout(20_000);

const HEALTHY = integrationView({ id: 'int_ok', name: 'Acme Duo' });
const REFUSED = integrationView({
  id: 'int_bad',
  name: 'Globex Duo',
  status: 'error',
  lastError: { code: 'CONNECTOR.DUO_UNAUTHORIZED', message: 'Invalid signature', at: '2025-03-01T11:00:00.000Z' },
});
const ACCOUNTS = [
  accountView({ id: 'DA1', name: 'Acme Corp', seats: 120, syncStatus: 'backfilling', behindMs: 7_200_000 }),
  accountView({ id: 'DA2', name: 'Acme Labs', seats: 30 }),
];

function gateway(): FakeGateway {
  const zero = { new_revenue: 0, under_billed: 0, over_billed: 0, no_change: 0, unmapped: 0 };
  return new FakeGateway()
    .on('GET /api/v1/integrations', { body: page([HEALTHY, REFUSED]) })
    .on('GET /api/v1/accounts', { body: page(ACCOUNTS) })
    .on('GET /api/v1/sync-runs', { body: page([]) })
    .on('GET /api/v1/reconciliation/summary', {
      body: {
        rows: 9,
        byType: { ...zero, under_billed: 4, over_billed: 2, unmapped: 3 },
        byState: { pending: 6, approved: 0, applied: 3, dismissed: 0, failed: 0 },
        pendingByType: { ...zero, under_billed: 3, unmapped: 3 },
        mapped: { rows: 6, vendorQuantity: 150, psaQuantity: 140 },
        money: {
          currency: 'USD',
          mixedCurrencies: true,
          byType: { ...zero, under_billed: 12, over_billed: -4.5 },
          pendingByType: { ...zero, under_billed: 9 },
        },
      },
    })
    .on('GET /api/v1/discovery/summary', {
      body: {
        items: [
          {
            accountId: 'DA1',
            services: 40,
            matched: 30,
            unmatched: 10,
            ignored: 0,
            newThisWeek: 5,
            users: 90,
            removedUsers: 0,
            authCount: 1000,
            lastSeen: null,
          },
        ],
      },
    })
    .on('GET /api/v1/discovery/activity', {
      body: { items: [{ day: '2025-03-01', total: 12, success: 10, denied: 1, fraud: 1 }] },
    })
    .on('GET /api/v1/accounts/DA1/history', {
      body: page([
        {
          accountId: 'DA1',
          billableSeats: 100,
          edition: 'ENTERPRISE',
          observedAt: '2025-01-01T00:00:00.000Z',
          previousBillableSeats: null,
          previousEdition: null,
        },
        {
          accountId: 'DA1',
          billableSeats: 120,
          edition: 'ENTERPRISE',
          observedAt: '2025-02-01T00:00:00.000Z',
          previousBillableSeats: 100,
          previousEdition: 'ENTERPRISE',
        },
      ]),
    });
}

// The charts load with recharts on demand, which takes a while in jsdom.
const LAZY = { timeout: 10_000 };

// The screen is a lazily loaded route: wait for it before looking for what it shows.
async function renderOverview(fake = gateway()) {
  renderRoute('/', { gateway: fake });
  await screen.findByRole('heading', { name: 'Overview', level: 2 }, { timeout: 10_000 });
  return fake;
}

describe('Overview', () => {
  it('puts an integration in error first in sync health, then what is behind, then what is idle', async () => {
    await renderOverview();
    const list = await screen.findByRole('list', { name: 'Sync health, errors first' });
    const lines = within(list).getAllByRole('listitem');
    expect(lines[0]).toHaveTextContent('Globex Duo');
    expect(lines[0]).toHaveTextContent('CONNECTOR.DUO_UNAUTHORIZED: Invalid signature');
    expect(lines[1]).toHaveTextContent('Acme Corp');
    expect(lines[1]).toHaveTextContent('2 h 0 min behind');
    expect(within(screen.getByRole('region', { name: 'Sync health' })).getByText('1 failing')).toBeInTheDocument();
  });

  it('counts accounts and sums their billable seats, and shows discrepancies by type with their money', async () => {
    await renderOverview();
    const accounts = await screen.findByRole('region', { name: 'Duo accounts' });
    expect(await within(accounts).findByText('2')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Billable seats' })).getByText('150')).toBeInTheDocument();
    const discrepancies = screen.getByRole('region', { name: 'Discrepancies' });
    const types = await within(discrepancies).findByRole('list', { name: 'Discrepancies by type' });
    expect(
      within(types)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Under-billed4 (3 pending, +$9.00/mo)',
      'Over-billed2 (0 pending)',
      'New revenue0 (0 pending)',
      'Unmapped3 (3 pending)',
    ]);
    expect(within(discrepancies).getByRole('note')).toHaveTextContent('amounts count only the USD rows');
    expect(within(discrepancies).getByRole('link', { name: 'Review reconciliation' })).toHaveAttribute(
      'href',
      '/reconciliation',
    );
  });

  it('lists the accounts with services first seen this week', async () => {
    await renderOverview();
    const list = await screen.findByRole('list', { name: 'New services by account' });
    expect(list).toHaveTextContent('Acme Corp');
    expect(list).toHaveTextContent('+5');
  });

  it('charts the seats of the account with the most seats, and the daily authentications', async () => {
    const fake = await renderOverview();
    expect(
      await screen.findByRole('img', { name: /Billable seats of Acme Corp: 100 then 120 now/ }, LAZY),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: /last 30 days: 10 successful, 1 denied, 1 fraud/ }, LAZY),
    ).toBeInTheDocument();
    expect(fake.made('GET /api/v1/discovery/activity')[0]?.query.get('days')).toBe('30');
  });
});
