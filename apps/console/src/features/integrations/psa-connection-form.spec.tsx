import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeGateway, problem } from '../../testing/fake-gateway';
import { renderWithApp } from '../../testing/render';
import { IntegrationsPage } from './integrations-page';
import { page, psaConnectionView, syncRunView } from './test-fixtures';

// Each step renders Mantine modals in jsdom, which takes seconds on a loaded machine.
jest.setTimeout(20_000);

const AUTOTASK = psaConnectionView({
  id: 'con_at',
  name: 'Autotask prod',
  kind: 'autotask',
  siteUrl: null,
  companyId: null,
  publicKey: null,
  clientId: null,
  settings: {
    zoneDiscoveryUrl: 'https://webservices.autotask.net',
    userName: 'api@acme.example',
    integrationCode: 'TRACK-1',
  },
  usage: { requestsThisHour: 120, hourlyLimit: 10_000, inFlight: 0, maxInFlight: 3 },
});
const HALO = psaConnectionView({
  id: 'con_halo',
  name: 'Halo',
  kind: 'halopsa',
  siteUrl: null,
  companyId: null,
  publicKey: null,
  clientId: null,
  settings: {
    resourceUrl: 'https://acme.halopsa.com/api',
    authUrl: 'https://acme.halopsa.com/auth',
    clientId: 'halo-client',
  },
});

function gateway(): FakeGateway {
  return new FakeGateway()
    .on('GET /api/v1/integrations', { body: page([]) })
    .on('GET /api/v1/psa/connections', { body: page([AUTOTASK, HALO]) })
    .on('GET /api/v1/sync-runs', { body: page([syncRunView({ connectionId: 'con_at' })]) });
}

// Pasted rather than typed key by key: the same change events, without a render per character.
async function enter(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

async function openConnect(kind: 'Autotask' | 'HaloPSA') {
  await screen.findByRole('region', { name: 'PSA connection Autotask prod' });
  await userEvent.click(screen.getByRole('button', { name: 'Connect PSA' }));
  await screen.findByRole('dialog', { name: 'Connect ConnectWise' });
  await userEvent.click(screen.getByRole('radio', { name: kind }));
  return screen.findByRole('dialog', { name: `Connect ${kind}` });
}

describe('PSA connection form', () => {
  it("connects Autotask with its API user's fields, leaving the zone discovery URL to the API's default", async () => {
    const fake = gateway().on('POST /api/v1/psa/connections', { status: 201, body: AUTOTASK });
    renderWithApp(<IntegrationsPage />, { gateway: fake });
    const dialog = await openConnect('Autotask');

    // Only Autotask's fields, the secret in a password input.
    expect(within(dialog).queryByRole('textbox', { name: /^Site URL/ })).toBeNull();
    expect(within(dialog).queryByLabelText(/^Private key/)).toBeNull();
    expect(within(dialog).getByLabelText(/^Secret/)).toHaveAttribute('type', 'password');
    expect(within(dialog).getByRole('textbox', { name: /^Integration code/ })).toHaveAccessibleDescription(
      "The API user's API tracking identifier",
    );

    await enter(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Autotask prod');
    await enter(within(dialog).getByRole('textbox', { name: /^API user name/ }), 'api@acme.example');
    await enter(within(dialog).getByRole('textbox', { name: /^Integration code/ }), 'TRACK-1');
    await enter(within(dialog).getByLabelText(/^Secret/), 's3cret');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(fake.made('POST /api/v1/psa/connections')).toHaveLength(1));
    expect(fake.made('POST /api/v1/psa/connections')[0]?.body).toEqual({
      kind: 'autotask',
      name: 'Autotask prod',
      userName: 'api@acme.example',
      integrationCode: 'TRACK-1',
      secret: 's3cret',
    });
  });

  it('connects HaloPSA with a tenant, and shows the field errors the API answers beside their inputs', async () => {
    const fake = gateway().on('POST /api/v1/psa/connections', {
      status: 400,
      body: {
        ...problem(400, 'COMMON.VALIDATION_FAILED', 'Invalid request'),
        errors: [{ path: 'body.resourceUrl', message: 'must be a base URL like https://host[:port][/path]' }],
      },
    });
    renderWithApp(<IntegrationsPage />, { gateway: fake });
    const dialog = await openConnect('HaloPSA');

    await enter(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Halo');
    await enter(within(dialog).getByRole('textbox', { name: /^Resource server URL/ }), 'acme.halopsa.com');
    await enter(within(dialog).getByRole('textbox', { name: /^Client id/ }), 'halo-client');
    await enter(within(dialog).getByLabelText(/^Client secret/), 'halo-secret');
    await enter(within(dialog).getByRole('textbox', { name: /^Tenant/ }), 'acme');
    expect(within(dialog).getByLabelText(/^Client secret/)).toHaveAttribute('type', 'password');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(fake.made('POST /api/v1/psa/connections')).toHaveLength(1));
    expect(fake.made('POST /api/v1/psa/connections')[0]?.body).toEqual({
      kind: 'halopsa',
      name: 'Halo',
      resourceUrl: 'acme.halopsa.com',
      clientId: 'halo-client',
      clientSecret: 'halo-secret',
      tenant: 'acme',
    });
    const url = within(dialog).getByRole('textbox', { name: /^Resource server URL/ });
    expect(url).toHaveAccessibleDescription(/must be a base URL/);
  });

  it("edits an Autotask connection with Autotask's fields, sending only what changed and keeping the secret", async () => {
    const fake = gateway().on('PATCH /api/v1/psa/connections/con_at', { body: AUTOTASK });
    renderWithApp(<IntegrationsPage />, { gateway: fake });
    await screen.findByRole('region', { name: 'PSA connection Autotask prod' });
    await userEvent.click(screen.getByRole('button', { name: 'Edit PSA connection Autotask prod' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit “Autotask prod”' });

    expect(within(dialog).queryByRole('radio')).toBeNull();
    expect(within(dialog).queryByRole('textbox', { name: /^Site URL/ })).toBeNull();
    const user = within(dialog).getByRole('textbox', { name: /^API user name/ });
    expect(user).toHaveValue('api@acme.example');
    const secret = within(dialog).getByLabelText(/^Secret/);
    expect(secret).toHaveValue('');
    expect(secret).not.toBeRequired();
    expect(within(dialog).getByRole('button', { name: 'Check credentials again' })).toBeInTheDocument();

    await userEvent.clear(user);
    await enter(user, 'api2@acme.example');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.made('PATCH /api/v1/psa/connections/con_at')).toHaveLength(1));
    expect(fake.made('PATCH /api/v1/psa/connections/con_at')[0]?.body).toEqual({ userName: 'api2@acme.example' });
  });

  it("shows an Autotask connection's settings by their labels, its request budget, and its sync controls", async () => {
    renderWithApp(<IntegrationsPage />, { gateway: gateway() });
    const card = await screen.findByRole('region', { name: 'PSA connection Autotask prod' });
    expect(within(card).getByText('Autotask')).toBeInTheDocument();
    expect(within(card).getByText('API user name')).toBeInTheDocument();
    expect(within(card).getByText('api@acme.example')).toBeInTheDocument();
    expect(within(card).getByText('120 of 10000 (at most 3 at once)')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Sync Autotask prod now' })).toBeInTheDocument();
    expect(await within(card).findByRole('table', { name: 'Sync runs of Autotask prod' })).toBeInTheDocument();
  });
});
