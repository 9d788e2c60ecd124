import { render, type RenderResult } from '@testing-library/react';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { type AppDependencies, createQueryClient, Providers } from '../app/app';
import { createAppRouter } from '../app/router';
import { createApi } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { LiveEventsProvider } from '../live/live-events';
import type { Session } from '../session/session';
import { FakeGateway } from './fake-gateway';
import { fakeEventSourceFactory } from './fake-event-source';

export const ADMIN_SESSION: Session = {
  keyId: 'key_admin',
  name: 'ops-admin',
  role: 'admin',
  expiresAt: '2099-01-01T00:00:00.000Z',
  csrfToken: 'csrf-token-1',
};

export const VIEWER_SESSION: Session = { ...ADMIN_SESSION, keyId: 'key_viewer', name: 'auditor', role: 'viewer' };

export interface Rendered extends RenderResult {
  gateway: FakeGateway;
  deps: AppDependencies;
}

// Renders a component inside the console's real providers (query cache, API client, live stream), signed in
// with the given session, against a fake gateway. Screens that use router links render through renderRoute.
export function renderWithApp(ui: ReactElement, options: { session?: Session; gateway?: FakeGateway } = {}): Rendered {
  const gateway = options.gateway ?? new FakeGateway();
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  queryClient.setQueryData(queryKeys.session, options.session ?? ADMIN_SESSION);
  const api = createApi({
    baseUrl: 'http://console.test',
    fetch: gateway.fetch,
    csrfToken: () => queryClient.getQueryData<Session>(queryKeys.session)?.csrfToken,
  });
  const deps: AppDependencies = { queryClient, api, eventSource: fakeEventSourceFactory };
  const result = render(
    <Providers deps={deps} env="test">
      <LiveEventsProvider factory={deps.eventSource}>{ui}</LiveEventsProvider>
    </Providers>,
  );
  return { ...result, gateway, deps };
}

// The whole console at a path (layout, navigation, the screen), as a signed-in user sees it.
export function renderRoute(path: string, options: { session?: Session; gateway?: FakeGateway } = {}): Rendered {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  return renderWithApp(<RouterProvider router={router} />, options);
}
