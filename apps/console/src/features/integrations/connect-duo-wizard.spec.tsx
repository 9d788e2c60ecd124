import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeGateway, problem } from '../../testing/fake-gateway';
import { renderWithApp } from '../../testing/render';
import { ConnectDuoWizard } from './connect-duo-wizard';
import { integrationView, reportOf } from './test-fixtures';

// Each step renders Mantine modals in jsdom, which takes seconds on a loaded machine.
jest.setTimeout(20_000);

const SECRET = 'secretsecretsecretsecretsecret';

// Pasted rather than typed key by key: the same change events, without a render per character.
async function enter(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

async function fillKeys() {
  await enter(screen.getByRole('textbox', { name: /^Name/ }), 'Acme parent');
  await enter(screen.getByRole('textbox', { name: /^API hostname/ }), 'api-acme.duosecurity.com');
  await enter(screen.getByRole('textbox', { name: /^Integration key/ }), 'DIACMEACMEACMEACMEAC');
  await enter(screen.getByLabelText(/^Secret key/), SECRET);
}

async function chooseAccountsApiAndFill() {
  await userEvent.click(screen.getByRole('radio', { name: /Accounts API/ }));
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  await fillKeys();
  await userEvent.click(screen.getByRole('button', { name: 'Authenticate' }));
}

describe('Connect Duo wizard', () => {
  it('sends the chosen kind and keys, and names each permission Duo did not grant', async () => {
    const stored = integrationView({ id: 'int_new', name: 'Acme parent', kind: 'accounts', status: 'error' });
    const gateway = new FakeGateway().on('POST /api/v1/integrations', {
      status: 201,
      body: reportOf(stored, { ok: false, granted: ['readInformation'], missing: ['readLog', 'readResource'] }),
    });
    renderWithApp(<ConnectDuoWizard onClose={jest.fn()} />, { gateway });

    await chooseAccountsApiAndFill();

    const missing = await screen.findByRole('list', { name: 'Missing permissions' });
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Grant read log', 'Grant read resource']);
    const [request] = gateway.made('POST /api/v1/integrations');
    expect(request?.body).toEqual({
      kind: 'accounts',
      name: 'Acme parent',
      apiHostname: 'api-acme.duosecurity.com',
      integrationKey: 'DIACMEACMEACMEACMEAC',
      secretKey: SECRET,
    });
    expect(request?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
  });

  it("shows Duo's code for bad keys, and a second attempt fixes the stored integration instead of adding one", async () => {
    const stored = integrationView({ id: 'int_new', name: 'Acme parent', status: 'error' });
    const gateway = new FakeGateway()
      .on('POST /api/v1/integrations', {
        status: 201,
        body: reportOf(stored, {
          ok: false,
          granted: [],
          error: { code: 'CONNECTOR.DUO_UNAUTHORIZED', message: 'Invalid signature in request', duoCode: 40103 },
        }),
      })
      .on('PATCH /api/v1/integrations/int_new', {
        body: reportOf({ ...stored, status: 'connected' }, { accountsFound: 7 }),
      });
    renderWithApp(<ConnectDuoWizard onClose={jest.fn()} />, { gateway });
    await chooseAccountsApiAndFill();

    const refusal = await screen.findByRole('alert', { name: /Duo refused the keys/ });
    expect(refusal).toHaveTextContent('Duo error code 40103');
    expect(refusal).toHaveTextContent('Invalid signature in request');

    await userEvent.click(screen.getByRole('button', { name: 'Back to keys' }));
    const secret = screen.getByLabelText(/^Secret key/);
    await userEvent.clear(secret);
    await enter(secret, 'the-right-secret-key-0123456789');
    await userEvent.click(screen.getByRole('button', { name: 'Authenticate' }));

    expect(await screen.findByText(/7 accounts found/)).toBeInTheDocument();
    expect(gateway.made('POST /api/v1/integrations')).toHaveLength(1);
    const [fix] = gateway.made('PATCH /api/v1/integrations/int_new');
    expect(fix?.body).toMatchObject({ kind: 'accounts', secretKey: 'the-right-secret-key-0123456789' });
    expect(fix?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
  });

  it('keeps the user on the keys with the field errors when the gateway refuses the request', async () => {
    const gateway = new FakeGateway().on('POST /api/v1/integrations', {
      status: 400,
      body: {
        ...problem(400, 'COMMON.VALIDATION_FAILED', 'The request body is invalid'),
        errors: [{ path: 'body.integrationKey', message: 'must be a Duo integration key (DI + 18 letters or digits)' }],
      },
    });
    renderWithApp(<ConnectDuoWizard onClose={jest.fn()} />, { gateway });
    await chooseAccountsApiAndFill();

    expect(await screen.findByRole('alert', { name: /Not saved/ })).toHaveTextContent('The request body is invalid');
    expect(screen.getByRole('textbox', { name: /^Integration key/ })).toHaveAccessibleDescription(
      /must be a Duo integration key/,
    );
    expect(screen.getByRole('button', { name: 'Authenticate' })).toBeInTheDocument();
  });

  it('asks for every key before sending anything', async () => {
    const gateway = new FakeGateway();
    renderWithApp(<ConnectDuoWizard onClose={jest.fn()} />, { gateway });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Authenticate' }));
    expect(screen.getAllByText('Required')).toHaveLength(4);
    expect(gateway.requests).toHaveLength(0);
  });
});
