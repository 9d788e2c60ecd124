import { screen, within } from '@testing-library/react';
import { problem } from '../../testing/fake-gateway';
import { renderRoute } from '../../testing/render';
import { groupPath, serviceGroupDetail } from './groups-fixtures';
import { ACCOUNT, saasGateway } from './saas-fixtures';

// Whole screens in jsdom (Mantine, the router, several requests) run past jest's default 5 s when the
// suites run side by side.
jest.setTimeout(30_000);

// The whole console renders (layout, lazy route): its first screen takes longer than findBy's default second.
const FIRST_PAINT = { timeout: 8000 };
const ZOOM = serviceGroupDetail();

describe('Service across customers (group drill-down)', () => {
  it("lists the accounts using it, each linking to that account's service when the API names one", async () => {
    const fake = saasGateway().on(`GET ${groupPath(ZOOM.id)}`, { body: ZOOM });
    renderRoute(`/saas/groups/${encodeURIComponent(ZOOM.id)}`, { gateway: fake });

    expect(await screen.findByRole('heading', { name: 'Zoom Workplace' }, FIRST_PAINT)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Service across customers' })).toHaveTextContent('Customers: 2');
    const table = await screen.findByRole('table', { name: 'Accounts using the service' });

    const acme = within(table).getByRole('link', { name: ACCOUNT.name });
    expect(acme).toHaveAttribute('href', '/saas/services/acc_1.DIZOOM');
    const acmeRow = acme.closest('tr') as HTMLElement;
    expect(within(acmeRow).getByRole('cell', { name: '19' })).toBeInTheDocument();
    expect(within(acmeRow).getByRole('cell', { name: '2' })).toBeInTheDocument();

    // An account the accounts list does not know shows as its id; without a service id it links nowhere.
    expect(within(table).getByText('acc_2')).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'acc_2' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Services across customers' })).toHaveAttribute(
      'href',
      '/saas?view=groups',
    );
  });

  it("shows the API's problem detail for a group that does not exist", async () => {
    const fake = saasGateway().on(`GET ${groupPath('name:gone')}`, {
      status: 404,
      body: problem(404, 'COMMON.NOT_FOUND', 'No service group name:gone'),
    });
    renderRoute(`/saas/groups/${encodeURIComponent('name:gone')}`, { gateway: fake });

    const alert = await screen.findByRole(
      'alert',
      { name: 'Could not load the service across customers' },
      FIRST_PAINT,
    );
    expect(alert).toHaveTextContent('No service group name:gone');
  });
});
