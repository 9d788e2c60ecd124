import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeGateway } from '../../testing/fake-gateway';
import { renderWithApp, VIEWER_SESSION } from '../../testing/render';
import { IntegrationsPage } from './integrations-page';
import { accountView, integrationView, page, psaConnectionView, reportOf, syncRunView } from './test-fixtures';

// Each step renders Mantine modals in jsdom, which takes seconds on a loaded machine.
jest.setTimeout(20_000);

const ACME = integrationView();
const BROKEN = integrationView({
  id: 'int_broken',
  name: 'Globex Duo',
  kind: 'accounts',
  status: 'error',
  syncStatus: 'error',
  lastError: { code: 'CONNECTOR.DUO_UNAUTHORIZED', message: 'Invalid signature', at: '2025-03-01T11:00:00.000Z' },
});
const CONNECTWISE = psaConnectionView();
const IMPORTED = psaConnectionView({
  id: 'con_import',
  name: 'Spreadsheet',
  kind: 'import',
  siteUrl: null,
  companyId: null,
  publicKey: null,
  clientId: null,
});

function gateway(): FakeGateway {
  return new FakeGateway()
    .on('GET /api/v1/integrations', { body: page([ACME, BROKEN]) })
    .on('GET /api/v1/accounts', (request) => ({
      body: page(
        request.query.get('integrationId') === ACME.id
          ? [accountView({ syncStatus: 'backfilling', behindMs: 3 * 3_600_000 })]
          : [],
      ),
    }))
    .on('GET /api/v1/psa/connections', { body: page([CONNECTWISE, IMPORTED]) })
    .on('GET /api/v1/sync-runs', { body: page([syncRunView({ state: 'failed' })]) });
}

const card = (name: string) => screen.findByRole('region', { name });

describe('Integrations page', () => {
  it('shows each Duo integration with its kind, sync state, lag, last error and accounts', async () => {
    renderWithApp(<IntegrationsPage />, { gateway: gateway() });
    const acme = await card('Integration Acme Duo');
    expect(within(acme).getByText('Admin API')).toBeInTheDocument();
    const accounts = await within(acme).findByRole('table', { name: 'Duo accounts of Acme Duo' });
    expect(within(accounts).getByText('Acme Corp')).toBeInTheDocument();
    expect(within(accounts).getByText('backfilling')).toBeInTheDocument();
    expect(within(acme).getAllByText('3 h 0 min').length).toBeGreaterThan(0);

    const globex = await card('Integration Globex Duo');
    expect(within(globex).getByText('Accounts API')).toBeInTheDocument();
    expect(within(globex).getByText('Last error: CONNECTOR.DUO_UNAUTHORIZED')).toBeInTheDocument();
    expect(within(globex).getByText('Invalid signature')).toBeInTheDocument();
  });

  it('deletes an integration only after the user confirms in a dialog naming it', async () => {
    const fake = gateway().on('DELETE /api/v1/integrations/int_acme', { body: { deleted: true } });
    renderWithApp(<IntegrationsPage />, { gateway: fake });
    await card('Integration Acme Duo');

    await userEvent.click(screen.getByRole('button', { name: 'Delete integration Acme Duo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete integration “Acme Duo”?' });
    expect(fake.made('DELETE /api/v1/integrations/int_acme')).toHaveLength(0);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.made('DELETE /api/v1/integrations/int_acme')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Delete integration Acme Duo' }));
    const again = await screen.findByRole('dialog', { name: 'Delete integration “Acme Duo”?' });
    await userEvent.click(within(again).getByRole('button', { name: 'Delete integration' }));
    await waitFor(() => {
      expect(fake.made('DELETE /api/v1/integrations/int_acme')).toHaveLength(1);
    });
    expect(fake.made('DELETE /api/v1/integrations/int_acme')[0]?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
  });

  it('deletes a PSA connection only after confirming', async () => {
    const fake = gateway().on('DELETE /api/v1/psa/connections/con_cw', { body: { deleted: true } });
    renderWithApp(<IntegrationsPage />, { gateway: fake });
    await card('PSA connection ConnectWise prod');

    await userEvent.click(screen.getByRole('button', { name: 'Delete PSA connection ConnectWise prod' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete PSA connection “ConnectWise prod”?' });
    expect(fake.made('DELETE /api/v1/psa/connections/con_cw')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete PSA connection' }));
    await waitFor(() => {
      expect(fake.made('DELETE /api/v1/psa/connections/con_cw')).toHaveLength(1);
    });
  });

  it('starts a Duo sync and a PSA sync run for the connection', async () => {
    const fake = gateway()
      .on('POST /api/v1/integrations/int_acme/sync', { status: 202, body: { accepted: true } })
      .on('POST /api/v1/sync-runs', { status: 202, body: syncRunView({ state: 'pending', trigger: 'manual' }) });
    renderWithApp(<IntegrationsPage />, { gateway: fake });
    await card('PSA connection ConnectWise prod');

    await userEvent.click(screen.getByRole('button', { name: 'Sync Acme Duo now' }));
    await waitFor(() => {
      expect(fake.made('POST /api/v1/integrations/int_acme/sync')).toHaveLength(1);
    });
    await userEvent.click(screen.getByRole('button', { name: 'Sync ConnectWise prod now' }));
    await waitFor(() => {
      expect(fake.made('POST /api/v1/sync-runs')).toHaveLength(1);
    });
    const [run] = fake.made('POST /api/v1/sync-runs');
    expect(run?.body).toEqual({ connectionId: 'con_cw' });
    expect(run?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
  });

  it('edits an integration sending only what changed (the secret key kept when left empty)', async () => {
    const fake = gateway().on('PATCH /api/v1/integrations/int_acme', {
      body: reportOf({ ...ACME, name: 'Acme Duo EU' }),
    });
    renderWithApp(<IntegrationsPage />, { gateway: fake });
    await card('Integration Acme Duo');
    await userEvent.click(screen.getByRole('button', { name: 'Edit integration Acme Duo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit “Acme Duo”' });
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await userEvent.clear(name);
    await userEvent.click(name);
    await userEvent.paste('Acme Duo EU');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save and authenticate' }));
    await waitFor(() => {
      expect(fake.made('PATCH /api/v1/integrations/int_acme')).toHaveLength(1);
    });
    expect(fake.made('PATCH /api/v1/integrations/int_acme')[0]?.body).toEqual({ name: 'Acme Duo EU' });
  });

  it('connects ConnectWise with the keys of an API member', async () => {
    const fake = gateway().on('POST /api/v1/psa/connections', { status: 201, body: CONNECTWISE });
    renderWithApp(<IntegrationsPage />, { gateway: fake });
    await card('PSA connection ConnectWise prod');
    await userEvent.click(screen.getByRole('button', { name: 'Connect PSA' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect ConnectWise' });
    const values: [RegExp, string][] = [
      [/^Name/, 'ConnectWise prod'],
      [/^Site URL/, 'https://na.myconnectwise.net'],
      [/^Company id/, 'acmemsp'],
      [/^Client id/, 'client-1'],
      [/^Public key/, 'pubkey1'],
    ];
    for (const [label, value] of values) {
      await userEvent.click(within(dialog).getByRole('textbox', { name: label }));
      await userEvent.paste(value);
    }
    await userEvent.click(within(dialog).getByLabelText(/^Private key/));
    await userEvent.paste('private-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(fake.made('POST /api/v1/psa/connections')).toHaveLength(1));
    expect(fake.made('POST /api/v1/psa/connections')[0]?.body).toEqual({
      kind: 'connectwise',
      name: 'ConnectWise prod',
      siteUrl: 'https://na.myconnectwise.net',
      companyId: 'acmemsp',
      clientId: 'client-1',
      publicKey: 'pubkey1',
      privateKey: 'private-1',
    });
  });

  it('shows recent sync runs of a ConnectWise connection with their state', async () => {
    renderWithApp(<IntegrationsPage />, { gateway: gateway() });
    const cw = await card('PSA connection ConnectWise prod');
    const runs = await within(cw).findByRole('table', { name: 'Sync runs of ConnectWise prod' });
    expect(within(runs).getByText('failed')).toBeInTheDocument();
  });

  it('gives a viewer no control that changes anything', async () => {
    renderWithApp(<IntegrationsPage />, { gateway: gateway(), session: VIEWER_SESSION });
    await card('Integration Acme Duo');
    await card('PSA connection Spreadsheet');
    for (const name of [/Connect/, /^Edit/, /^Sync/, /^Delete/]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.queryByLabelText(/Import JSON/)).toBeNull();
    // What a viewer may do: read, and export.
    expect(screen.getByRole('link', { name: 'Export Duo integrations as CSV' })).toBeInTheDocument();
  });

  it('gives an admin every control', async () => {
    renderWithApp(<IntegrationsPage />, { gateway: gateway() });
    await card('PSA connection Spreadsheet');
    expect(screen.getByRole('button', { name: 'Connect Duo' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect PSA' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit integration Acme Duo' })).toBeInTheDocument();
    expect(screen.getAllByLabelText(/Import JSON/).length).toBeGreaterThan(0);
  });
});
