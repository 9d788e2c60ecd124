import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAppRouter } from '../../app/router';
import { problem } from '../../testing/fake-gateway';
import { renderRoute, renderWithApp } from '../../testing/render';
import { groupPath, serviceGroup, serviceGroupDetail } from './groups-fixtures';
import { ACCOUNT, saasGateway } from './saas-fixtures';
import { accountSeats, seatsPaths } from './seats-fixtures';

// Whole screens in jsdom (Mantine, the router, several requests) run past jest's default 5 s when the
// suites run side by side.
jest.setTimeout(30_000);

// The whole console renders (layout, lazy route): its first screen takes longer than findBy's default second.
const FIRST_PAINT = { timeout: 8000 };

function gateway() {
  return saasGateway()
    .on('GET /api/v1/discovery/groups', {
      body: { items: [serviceGroup(), serviceGroup({ id: 'name:notion', name: 'notion', productId: null })] },
    })
    .on(seatsPaths.seats, { body: { items: [accountSeats()], total: { billableUsers: 40, reclaimable: 9 } } });
}

describe('SaaS overview tabs', () => {
  it('switches tabs with the arrow keys and keeps the open tab in the URL', async () => {
    const fake = gateway();
    const router = createAppRouter(createMemoryHistory({ initialEntries: ['/saas'] }));
    renderWithApp(<RouterProvider router={router} />, { gateway: fake });

    const byAccount = await screen.findByRole('tab', { name: 'By account' }, FIRST_PAINT);
    expect(byAccount).toHaveAttribute('aria-selected', 'true');
    byAccount.focus();
    await userEvent.keyboard('{ArrowRight}');

    expect(screen.getByRole('tab', { name: 'Across customers' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ view: 'groups' }));
    expect(await screen.findByRole('link', { name: 'Zoom Workplace' })).toBeInTheDocument();

    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Unused seats' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ view: 'seats' }));
    expect(await screen.findByRole('table', { name: 'Unused seats by account' })).toBeInTheDocument();
  });

  it("opens the URL's tab: unused seats per account with the totals, each account opening its own list", async () => {
    const fake = gateway().on(seatsPaths.reclaimable, { body: { items: [], nextCursor: null } });
    fake.on(`GET ${seatsPaths.settings}`, { body: { accountId: ACCOUNT.id, unusedAfterDays: 30 } });
    renderRoute('/saas?view=seats', { gateway: fake });

    const table = await screen.findByRole('table', { name: 'Unused seats by account' }, FIRST_PAINT);
    expect(screen.getByRole('tab', { name: 'Unused seats' })).toHaveAttribute('aria-selected', 'true');
    const row = within(table).getByRole('link', { name: ACCOUNT.name }).closest('tr');
    expect(row).not.toBeNull();
    // Billable, active 30 d, reclaimable and its three reasons.
    for (const cell of ['40', '31', '9', '3', '2', '4']) {
      expect(within(row as HTMLElement).getByRole('cell', { name: cell })).toBeInTheDocument();
    }
    const totals = screen.getByRole('group', { name: 'Seats in total' });
    expect(totals).toHaveTextContent('Billable in total: 40');
    expect(totals).toHaveTextContent('Reclaimable in total: 9');

    await userEvent.click(within(table).getByRole('link', { name: ACCOUNT.name }));
    expect(await screen.findByRole('tab', { name: 'Unused seats' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(fake.made(seatsPaths.reclaimable)).toHaveLength(1));
  });

  it('lists services across customers, sorted and searched on the server, with the same list as CSV', async () => {
    const fake = gateway();
    renderRoute('/saas?view=groups&groupSort=-users', { gateway: fake });

    const table = await screen.findByRole('table', { name: 'Services across customers' }, FIRST_PAINT);
    expect(fake.made('GET /api/v1/discovery/groups')[0]?.query.get('sort')).toBe('-users');
    expect(within(table).getByText('Catalog product · Collaboration')).toBeInTheDocument();
    expect(within(table).getByText('Unmatched')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Users/ })).toHaveAttribute('aria-sort', 'descending');

    await userEvent.type(screen.getByRole('textbox', { name: 'Search services' }), 'zoom');
    await waitFor(() =>
      expect(fake.made('GET /api/v1/discovery/groups').some((r) => r.query.get('q') === 'zoom')).toBe(true),
    );
    expect(screen.getByRole('link', { name: 'Export services across customers as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/discovery/groups?q=zoom&sort=-users&format=csv',
    );
    await userEvent.click(screen.getByRole('button', { name: /Customers/ }));
    await waitFor(() =>
      expect(fake.made('GET /api/v1/discovery/groups').some((r) => r.query.get('sort') === 'customers')).toBe(true),
    );
  });

  it("opens a group's drill-down from its name", async () => {
    const fake = gateway().on(`GET ${groupPath('product:prod_zoom')}`, { body: serviceGroupDetail() });
    renderRoute('/saas?view=groups', { gateway: fake });

    await userEvent.click(await screen.findByRole('link', { name: 'Zoom Workplace' }, FIRST_PAINT));
    expect(await screen.findByRole('heading', { name: 'Zoom Workplace' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Accounts using the service' })).toBeInTheDocument();
    expect(fake.made(`GET ${groupPath('product:prod_zoom')}`)).toHaveLength(1);
  });

  it("shows the API's problem detail when the groups cannot be loaded", async () => {
    const fake = gateway().on('GET /api/v1/discovery/groups', {
      status: 503,
      body: problem(503, 'COMMON.UPSTREAM_UNAVAILABLE', 'The discovery service is not answering'),
    });
    renderRoute('/saas?view=groups', { gateway: fake });

    const alert = await screen.findByRole('alert', { name: 'Could not load services across customers' }, FIRST_PAINT);
    expect(alert).toHaveTextContent('The discovery service is not answering');
  });
});
