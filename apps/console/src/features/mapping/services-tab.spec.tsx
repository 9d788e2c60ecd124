import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CSRF_HEADER } from '../../api/client';
import { FakeGateway } from '../../testing/fake-gateway';
import { ADMIN_SESSION, renderRoute, VIEWER_SESSION } from '../../testing/render';
import { layOutInDocumentOrder, SERVICES, withMappingData } from './mapping-fixtures';

// Each test renders the whole console (layout, lazy route, live stream) against the fake gateway.
jest.setTimeout(20_000);

function gateway(): FakeGateway {
  return withMappingData(new FakeGateway()).on('POST /api/v1/mappings/services/Advantage/map', {
    body: { ...SERVICES[1], state: 'mapped' },
  });
}

async function servicesTable() {
  return screen.findByRole('table', { name: 'Duo services' }, { timeout: 5000 });
}

describe('Mapping: services', () => {
  // The notifications store outlives a test; a full queue would hide the next test's notification.
  afterEach(() => notifications.clean());

  it('opens the tab named in the URL and switches tabs through it', async () => {
    renderRoute('/mapping?tab=services', { gateway: gateway() });
    const table = await servicesTable();
    expect(screen.getByRole('tab', { name: 'Services' })).toHaveAttribute('aria-selected', 'true');
    expect(within(table).getByText('PLATFORM')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'PSA products' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Accounts' }));
    expect(await screen.findByRole('table', { name: 'Duo accounts' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Duo services' })).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Services' }));
    expect(await servicesTable()).toBeInTheDocument();
  });

  it('finds PSA products by product ID as well as by name, searched on the server', async () => {
    const { gateway: fake } = renderRoute('/mapping?tab=services', { gateway: gateway() });
    await screen.findByRole('table', { name: 'PSA products' }, { timeout: 5000 });
    const search = screen.getByRole('searchbox', { name: 'Search PSA products' });
    expect(search).toHaveAccessibleDescription('Search by name or product ID');
    await userEvent.type(search, 'duo-adv');
    await waitFor(() => expect(screen.queryByText('Support hours')).toBeNull(), { timeout: 3000 });
    // The server's q matches product identifiers: the list is its answer.
    expect(fake.made('GET /api/v1/psa/products').some((r) => r.query.get('q') === 'duo-adv')).toBe(true);
    const table = await screen.findByRole('table', { name: 'PSA products' });
    expect(within(table).getByText('MFA seat, mid tier')).toBeInTheDocument();
    expect(within(table).queryByText('MFA seat, basic tier')).toBeNull();
  });

  it('maps a SKU through its Map to… menu, found by product identifier', async () => {
    const { gateway: fake } = renderRoute('/mapping?tab=services', { gateway: gateway() });
    await servicesTable();
    await screen.findByRole('table', { name: 'PSA products' });
    await userEvent.click(screen.getByRole('button', { name: 'Map Advantage to…' }));
    const search = await screen.findByRole('searchbox', { name: 'Search PSA products for Advantage' });
    expect(search).toHaveAttribute('placeholder', 'Search by name or product ID');
    await userEvent.type(search, 'DUO-ESS');
    await waitFor(() => expect(screen.queryByRole('menuitem', { name: /^Support hours/ })).toBeNull(), {
      timeout: 3000,
    });
    await userEvent.click(await screen.findByRole('menuitem', { name: /^MFA seat, basic tier/ }));
    expect(fake.made('GET /api/v1/psa/products').some((r) => r.query.get('q') === 'DUO-ESS')).toBe(true);

    await waitFor(() => expect(fake.made('POST /api/v1/mappings/services/Advantage/map')).toHaveLength(1));
    const [request] = fake.made('POST /api/v1/mappings/services/Advantage/map');
    expect(request?.body).toEqual({ productId: 'cw-1-p2' });
    expect(request?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);
    expect(await screen.findByText('Advantage → MFA seat, basic tier')).toBeInTheDocument();
  });

  describe('dragging by keyboard', () => {
    let restoreLayout: () => void;
    beforeEach(() => {
      restoreLayout = layOutInDocumentOrder();
    });
    afterEach(() => restoreLayout());

    it('drops a product on the SKU the arrows reached', async () => {
      const { gateway: fake } = renderRoute('/mapping?tab=services', { gateway: gateway() });
      await servicesTable();
      (await screen.findByRole('button', { name: 'Drag MFA seat, mid tier' })).focus();
      await userEvent.keyboard(' ');
      await screen.findByText(/Picked up PSA product MFA seat, mid tier/);
      await userEvent.keyboard('{ArrowDown}');
      await screen.findByText(/is over Duo SKU Essentials/);
      await userEvent.keyboard('{ArrowDown}');
      await screen.findByText(/is over Duo SKU Advantage/);
      await userEvent.keyboard(' ');
      await waitFor(() => expect(fake.made('POST /api/v1/mappings/services/Advantage/map')).toHaveLength(1));
      expect(fake.made('POST /api/v1/mappings/services/Advantage/map')[0]?.body).toEqual({ productId: 'cw-1-p1' });
    });
  });

  it('undoes an exclusion', async () => {
    const fake = gateway().on('POST /api/v1/mappings/services/Premier/unmap', { body: SERVICES[2] });
    renderRoute('/mapping?tab=services', { gateway: fake });
    await servicesTable();
    await userEvent.click(screen.getByRole('button', { name: 'More actions for Premier' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Undo exclusion' }));
    await waitFor(() => expect(fake.made('POST /api/v1/mappings/services/Premier/unmap')).toHaveLength(1));
  });

  it('shows a viewer no drag handle, menu or button that changes a mapping', async () => {
    renderRoute('/mapping?tab=services', { session: VIEWER_SESSION, gateway: gateway() });
    const table = await servicesTable();
    await screen.findByRole('table', { name: 'PSA products' });
    expect(within(table).getByText('Advantage')).toBeInTheDocument();
    expect(screen.queryAllByRole('button', { name: /^Drag / })).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^Map .* to…$/ })).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^More actions/ })).toHaveLength(0);
  });
});
