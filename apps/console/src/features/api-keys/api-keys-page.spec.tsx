import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CSRF_HEADER } from '../../api/client';
import { FakeGateway } from '../../testing/fake-gateway';
import { ADMIN_SESSION, renderRoute, renderWithApp, VIEWER_SESSION } from '../../testing/render';
import type { ApiKey } from './api-keys-queries';
import { ApiKeysPage } from './api-keys-page';

// Whole screens in jsdom (Mantine, the router, several requests) run past jest's default 5 s when the
// suites run side by side.
jest.setTimeout(30_000);

const SECRET = 'swk_live_0123456789abcdefghijklmnop';

function key(overrides: Partial<ApiKey>): ApiKey {
  return {
    id: 'key_1',
    name: 'billing-export',
    prefix: 'swk_abcd',
    role: 'viewer',
    createdAt: '2026-01-10T09:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

function gatewayWith(items: ApiKey[]): FakeGateway {
  return new FakeGateway().on('GET /api/v1/api-keys', { body: { items, nextCursor: null } });
}

describe('API keys page', () => {
  it('shows a created key once, with the CSRF header sent, and forgets it when the dialog closes', async () => {
    const created = key({ id: 'key_2', name: 'ci-runner', role: 'admin', prefix: 'swk_wxyz' });
    const gateway = gatewayWith([key({})]).on('POST /api/v1/api-keys', {
      status: 201,
      body: { ...created, key: SECRET },
    });
    renderWithApp(<ApiKeysPage />, { gateway });

    await userEvent.click(await screen.findByRole('button', { name: 'New API key' }));
    const form = await screen.findByRole('dialog', { name: 'New API key' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'ci-runner');
    await userEvent.click(within(form).getByRole('combobox', { name: 'Role' }));
    // hidden: jsdom never runs the dropdown's enter transition, so its options stay display:none there.
    await userEvent.click(await screen.findByRole('option', { name: /^Admin/, hidden: true }));
    await userEvent.click(within(form).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'API key for ci-runner' });
    expect(within(shown).getByText(SECRET)).toBeInTheDocument();
    expect(within(shown).getByText(/will not be shown again/)).toBeInTheDocument();
    expect(within(shown).getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    const [post] = gateway.made('POST /api/v1/api-keys');
    expect(post?.body).toEqual({ name: 'ci-runner', role: 'admin' });
    expect(post?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);

    await userEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText(SECRET)).not.toBeInTheDocument());
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it('revokes only after confirmation', async () => {
    const target = key({ id: 'key_9', name: 'old-script' });
    const gateway = gatewayWith([target]).on('DELETE /api/v1/api-keys/key_9', {
      body: { ...target, revokedAt: '2026-02-01T00:00:00.000Z' },
    });
    renderWithApp(<ApiKeysPage />, { gateway });

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke old-script' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke old-script?' });
    expect(gateway.made('DELETE /api/v1/api-keys/key_9')).toHaveLength(0);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(gateway.made('DELETE /api/v1/api-keys/key_9')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Revoke old-script' }));
    const again = await screen.findByRole('dialog', { name: 'Revoke old-script?' });
    await userEvent.click(within(again).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(gateway.made('DELETE /api/v1/api-keys/key_9')).toHaveLength(1));
    expect(gateway.made('DELETE /api/v1/api-keys/key_9')[0]?.headers.get(CSRF_HEADER)).toBe(ADMIN_SESSION.csrfToken);
  });

  it('tells a viewer the page is for admins and never asks for the keys', async () => {
    const gateway = gatewayWith([key({})]);
    renderRoute('/api-keys', { session: VIEWER_SESSION, gateway });

    expect(await screen.findByRole('alert', { name: /Admins only/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New API key' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Export API keys/ })).not.toBeInTheDocument();
    expect(gateway.made('GET /api/v1/api-keys')).toHaveLength(0);
  });
});
