import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CSRF_HEADER } from '../../api/client';
import { FakeGateway } from '../../testing/fake-gateway';
import { ADMIN_SESSION, renderRoute, VIEWER_SESSION } from '../../testing/render';
import { ACCOUNTS, account, layOutInDocumentOrder, withMappingData } from './mapping-fixtures';

// Each test renders the whole console (layout, lazy route, live stream) against the fake gateway.
jest.setTimeout(20_000);

function gateway(): FakeGateway {
  return withMappingData(new FakeGateway()).on('POST /api/v1/mappings/accounts/DA-globex/map', {
    body: { ...ACCOUNTS[1], state: 'mapped' },
  });
}

async function accountsTable() {
  // The first render loads the lazy route.
  return screen.findByRole('table', { name: 'Duo accounts' }, { timeout: 5000 });
}

describe('Mapping: accounts', () => {
  // The notifications store outlives a test; a full queue would hide the next test's notification.
  afterEach(() => notifications.clean());

  it('lists PSA companies beside Duo accounts, marking the automatic mappings', async () => {
    renderRoute('/mapping', { gateway: gateway() });
    const accounts = await accountsTable();
    const companies = await screen.findByRole('table', { name: 'PSA companies' });
    expect(within(companies).getByText('Globex Corporation')).toBeInTheDocument();
    const initech = within(accounts).getByText('Initech').closest('tr') as HTMLElement;
    expect(within(initech).getByText('auto')).toBeInTheDocument();
    expect(within(initech).getByText('Initech LLC')).toBeInTheDocument();
    expect(
      within(within(accounts).getByText('Globex Labs').closest('tr') as HTMLElement).queryByText('auto'),
    ).toBeNull();
  });

  describe('dragging by keyboard', () => {
    let restoreLayout: () => void;
    beforeEach(() => {
      restoreLayout = layOutInDocumentOrder();
    });
    afterEach(() => restoreLayout());

    it('picks a company up with Space, moves it account by account with the arrows and maps it with Space', async () => {
      const { gateway: fake } = renderRoute('/mapping', { gateway: gateway() });
      await accountsTable();
      screen.getByRole('button', { name: 'Drag Globex Corporation' }).focus();
      await userEvent.keyboard(' ');
      expect(await screen.findByText(/Picked up PSA company Globex Corporation/)).toBeInTheDocument();
      await userEvent.keyboard('{ArrowDown}');
      expect(await screen.findByText(/is over Duo account Acme Holdings/)).toBeInTheDocument();
      await userEvent.keyboard('{ArrowRight}');
      expect(await screen.findByText(/is over Duo account Globex Labs/)).toBeInTheDocument();
      // Initech is mapped already, so it is no target: the next press stays on Globex Labs.
      await userEvent.keyboard('{ArrowDown}');
      await userEvent.keyboard(' ');

      await waitFor(() => expect(fake.made('POST /api/v1/mappings/accounts/DA-globex/map')).toHaveLength(1));
      const [request] = fake.made('POST /api/v1/mappings/accounts/DA-globex/map');
      expect(request?.body).toEqual({ psaCompanyId: 'cw-1-globex' });
      expect(request?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);
      expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(await screen.findByText('Account mapped')).toBeInTheDocument();
    });

    it('changes nothing when the company is dropped before reaching an account', async () => {
      const { gateway: fake } = renderRoute('/mapping', { gateway: gateway() });
      await accountsTable();
      screen.getByRole('button', { name: 'Drag Globex Corporation' }).focus();
      await userEvent.keyboard(' ');
      await screen.findByText(/Picked up PSA company Globex Corporation/);
      await userEvent.keyboard(' ');
      expect(await screen.findByText(/dropped outside any Duo account; nothing changed/)).toBeInTheDocument();
      expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    });
  });

  it('maps an account through its Map to… menu, searching the companies', async () => {
    const fake = gateway().on('POST /api/v1/mappings/accounts/DA-acme/map', { body: ACCOUNTS[0] });
    renderRoute('/mapping', { gateway: fake });
    await accountsTable();
    await userEvent.click(screen.getByRole('button', { name: 'Map Acme Holdings to…' }));
    await userEvent.type(
      await screen.findByRole('searchbox', { name: 'Search PSA companies for Acme Holdings' }),
      'apex',
    );
    await waitFor(() => expect(screen.queryByRole('menuitem', { name: /^Acme Corp/ })).toBeNull(), { timeout: 3000 });
    await userEvent.click(await screen.findByRole('menuitem', { name: /^Apex Ltd/ }));

    await waitFor(() => expect(fake.made('POST /api/v1/mappings/accounts/DA-acme/map')).toHaveLength(1));
    expect(fake.made('POST /api/v1/mappings/accounts/DA-acme/map')[0]?.body).toEqual({ psaCompanyId: 'cw-1-apex' });
    expect(fake.made('GET /api/v1/psa/companies').some((r) => r.query.get('q') === 'apex')).toBe(true);
    expect(await screen.findByText('Acme Holdings → Apex Ltd')).toBeInTheDocument();
  });

  it('shows the closest guesses with their score and maps one with Accept', async () => {
    const fake = gateway().on('POST /api/v1/mappings/accounts/DA-acme/map', { body: ACCOUNTS[0] });
    renderRoute('/mapping', { gateway: fake });
    await accountsTable();
    await userEvent.click(screen.getByRole('switch', { name: 'Show closest guesses' }));
    const guesses = await screen.findByRole('table', { name: 'Closest guesses' });
    expect(fake.made('GET /api/v1/mappings/accounts').some((r) => r.query.get('state') === 'unmapped')).toBe(true);
    const apex = within(guesses).getByText('Apex Ltd').closest('tr') as HTMLElement;
    expect(within(apex).getByText('42%')).toBeInTheDocument();
    expect(within(guesses).getByText('91%')).toBeInTheDocument();
    // Initech is mapped: it has no guesses to offer.
    expect(within(guesses).queryByText('Initech')).toBeNull();

    await userEvent.click(within(guesses).getByRole('button', { name: 'Accept Acme Corp for Acme Holdings' }));
    await waitFor(() => expect(fake.made('POST /api/v1/mappings/accounts/DA-acme/map')).toHaveLength(1));
    expect(fake.made('POST /api/v1/mappings/accounts/DA-acme/map')[0]?.body).toEqual({ psaCompanyId: 'cw-1-acme' });
  });

  it('unmaps, and excludes with a note', async () => {
    const fake = gateway()
      .on('POST /api/v1/mappings/accounts/DA-initech/unmap', { body: ACCOUNTS[2] })
      .on('POST /api/v1/mappings/accounts/DA-globex/exclude', { body: ACCOUNTS[1] });
    renderRoute('/mapping', { gateway: fake });
    await accountsTable();
    await userEvent.click(screen.getByRole('button', { name: 'More actions for Initech' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Unmap' }));
    await waitFor(() => expect(fake.made('POST /api/v1/mappings/accounts/DA-initech/unmap')).toHaveLength(1));

    await userEvent.click(screen.getByRole('button', { name: 'More actions for Globex Labs' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Exclude…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Exclude Globex Labs' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'internal test tenant');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Exclude' }));
    await waitFor(() => expect(fake.made('POST /api/v1/mappings/accounts/DA-globex/exclude')).toHaveLength(1));
    expect(fake.made('POST /api/v1/mappings/accounts/DA-globex/exclude')[0]?.body).toEqual({
      note: 'internal test tenant',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the problem detail when the gateway refuses a mapping', async () => {
    const fake = gateway().on('POST /api/v1/mappings/accounts/DA-acme/map', {
      status: 409,
      body: {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'RECONCILE.MAPPING_CONFLICT',
        detail: 'PSA company cw-1-acme is mapped to another account',
      },
    });
    renderRoute('/mapping', { gateway: fake });
    await accountsTable();
    await userEvent.click(screen.getByRole('switch', { name: 'Show closest guesses' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Accept Acme Corp for Acme Holdings' }));
    expect(await screen.findByText('Could not map the account')).toBeInTheDocument();
    expect(screen.getByText('PSA company cw-1-acme is mapped to another account')).toBeInTheDocument();
  });

  it('filters the loaded accounts by the search box and asks the server for unmapped ones only', async () => {
    const { gateway: fake } = renderRoute('/mapping', { gateway: gateway() });
    const table = await accountsTable();
    await userEvent.type(screen.getByRole('searchbox', { name: /Search Duo accounts/ }), 'glob');
    expect(within(table).queryByText('Acme Holdings')).toBeNull();
    expect(within(table).getByText('Globex Labs')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('switch', { name: 'Unmapped only' }));
    await waitFor(() =>
      expect(fake.made('GET /api/v1/mappings/accounts').some((r) => r.query.get('state') === 'unmapped')).toBe(true),
    );
    expect(screen.getByRole('link', { name: 'Export Duo account mappings as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/mappings/accounts?state=unmapped&format=csv',
    );
  });

  it('shows a viewer no drag handle, menu or button that changes a mapping', async () => {
    renderRoute('/mapping', { session: VIEWER_SESSION, gateway: gateway() });
    const table = await accountsTable();
    await screen.findByRole('table', { name: 'PSA companies' });
    expect(within(table).getByText('Acme Holdings')).toBeInTheDocument();
    expect(screen.queryAllByRole('button', { name: /^Drag / })).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^Map .* to…$/ })).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^More actions/ })).toHaveLength(0);
    await userEvent.click(screen.getByRole('switch', { name: 'Show closest guesses' }));
    const guesses = await screen.findByRole('table', { name: 'Closest guesses' });
    expect(within(guesses).getByText('91%')).toBeInTheDocument();
    expect(screen.queryAllByRole('button', { name: /^Accept/ })).toHaveLength(0);
  });

  describe('agreement for new lines', () => {
    const AGREEMENTS = [
      { id: 'agr-1', externalId: '11', name: 'Managed Services', currency: 'USD', billing: true, chosen: false },
      { id: 'agr-2', externalId: '12', name: 'Security add-ons', currency: 'USD', billing: false, chosen: true },
    ];

    function withAgreements(): FakeGateway {
      const initech = account({ ...ACCOUNTS[2], agreementId: 'agr-2' });
      return withMappingData(new FakeGateway(), { accounts: [ACCOUNTS[0] ?? account(), initech] })
        .on('GET /api/v1/mappings/accounts/DA-initech/agreements', { body: { items: AGREEMENTS } })
        .on('POST /api/v1/mappings/accounts/DA-initech/agreement', { body: { ...initech, agreementId: null } });
    }

    it('lists the agreements with the one that bills already, and sends the choice (Default first)', async () => {
      const fake = withAgreements();
      renderRoute('/mapping', { gateway: fake });
      const table = await accountsTable();
      // Only a mapped account has an agreement to choose.
      expect(within(table).getAllByRole('button', { name: /^Agreement for new lines/ })).toHaveLength(1);
      await userEvent.click(within(table).getByRole('button', { name: 'Agreement for new lines of Initech (chosen)' }));

      const dialog = await screen.findByRole('dialog', { name: 'Agreement for new lines: Initech' });
      const list = await within(dialog).findByRole('list', { name: 'Active agreements' });
      const billing = within(list).getByText('Managed Services').closest('li') as HTMLElement;
      expect(within(billing).getByText('Bills already')).toBeInTheDocument();
      const select = within(dialog).getByRole('combobox', { name: 'Agreement for new lines' });
      expect(select).toHaveValue('agr-2');
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Default', 'Managed Services (bills already)', 'Security add-ons']);

      await userEvent.selectOptions(select, 'Default');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(fake.made('POST /api/v1/mappings/accounts/DA-initech/agreement')).toHaveLength(1));
      const [request] = fake.made('POST /api/v1/mappings/accounts/DA-initech/agreement');
      expect(request?.body).toEqual({ agreementId: null });
      expect(request?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);
      expect(await screen.findByText('Initech → Default')).toBeInTheDocument();
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    });

    it('shows a viewer the agreement new lines go on, without a control to change it', async () => {
      const fake = withAgreements();
      renderRoute('/mapping', { session: VIEWER_SESSION, gateway: fake });
      const table = await accountsTable();
      await userEvent.click(within(table).getByRole('button', { name: 'Agreement for new lines of Initech (chosen)' }));
      const dialog = await screen.findByRole('dialog', { name: 'Agreement for new lines: Initech' });
      expect(await within(dialog).findByText('New lines go on: Security add-ons')).toBeInTheDocument();
      expect(within(dialog).queryByRole('combobox')).toBeNull();
      expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull();
    });
  });

  it('opens searching for the account a link names (a reconciliation row without an agreement)', async () => {
    renderRoute('/mapping?account=Globex', { gateway: gateway() });
    const table = await accountsTable();
    expect(screen.getByRole('searchbox', { name: /Search Duo accounts/ })).toHaveValue('Globex');
    expect(within(table).getByText('Globex Labs')).toBeInTheDocument();
    expect(within(table).queryByText('Acme Holdings')).toBeNull();
  });
});
