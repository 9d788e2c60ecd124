import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApi } from '../api/client';
import { FakeGateway, problem } from '../testing/fake-gateway';
import { fakeEventSourceFactory, FakeEventSource } from '../testing/fake-event-source';
import { ADMIN_SESSION } from '../testing/render';
import { App, type AppDependencies, createQueryClient } from './app';
import { csrfTokenFrom } from '../session/session';

jest.setTimeout(30_000);

function renderApp(gateway: FakeGateway): AppDependencies {
  const queryClient = createQueryClient();
  const api = createApi({
    baseUrl: 'http://console.test',
    fetch: gateway.fetch,
    csrfToken: () => csrfTokenFrom(queryClient),
  });
  const deps: AppDependencies = { queryClient, api, eventSource: fakeEventSourceFactory };
  render(<App deps={deps} />);
  return deps;
}

// The whole console as it starts in a browser: signed out, it asks for a key; signed in, it shows the
// screens and opens the live stream; signing out ends both.
describe('the console session', () => {
  it('signs in with a pasted key, shows the screens, and signs out with the CSRF token', async () => {
    const gateway = new FakeGateway()
      .on('GET /api/v1/session', { body: { session: null } })
      .on('POST /api/v1/session', (req) =>
        (req.body as { apiKey: string }).apiKey === 'swa_right'
          ? { status: 201, body: ADMIN_SESSION }
          : { status: 401, body: problem(401, 'AUTH.UNAUTHORIZED', 'The API key is unknown or revoked') },
      )
      .on('DELETE /api/v1/session', { status: 204 });
    renderApp(gateway);

    await userEvent.type(await screen.findByLabelText(/API key/), 'swa_wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The API key is unknown or revoked');

    await userEvent.clear(screen.getByLabelText(/API key/));
    await userEvent.type(screen.getByLabelText(/API key/), 'swa_right');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'API keys' })).toBeInTheDocument();
    const stream = FakeEventSource.last;
    expect(stream?.url).toBe('/api/v1/events');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    const [signOut] = gateway.made('DELETE /api/v1/session');
    expect(signOut?.headers.get('X-CSRF-Token')).toBe(ADMIN_SESSION.csrfToken);
    expect(stream?.closed).toBe(true);
  });

  it('opens on the screens when the browser already has a session, without the admin-only section for a viewer', async () => {
    const viewer = { ...ADMIN_SESSION, role: 'viewer' as const, name: 'auditor' };
    renderApp(new FakeGateway().on('GET /api/v1/session', { body: { session: viewer } }));
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(screen.getByText('auditor')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'API keys' })).not.toBeInTheDocument();
  });
});
