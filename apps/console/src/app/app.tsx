import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { ApiProvider } from '../api/api-context';
import { type Api, createApi } from '../api/client';
import { ProblemError } from '../api/problem';
import { queryKeys } from '../api/query-keys';
import { type EventSourceFactory, LiveEventsProvider } from '../live/live-events';
import { csrfTokenFrom, useSession } from '../session/session';
import { SignInPage } from '../session/sign-in-page';
import { QueryState } from '../ui/query-state';
import { createAppRouter } from './router';
import { theme } from './theme';

export interface AppDependencies {
  queryClient: QueryClient;
  api: Api;
  eventSource: EventSourceFactory;
}

// The browser's own dependencies; tests build theirs with a fake fetch and event stream.
export function browserDependencies(): AppDependencies {
  const queryClient = createQueryClient();
  const api = createApi({ csrfToken: () => csrfTokenFrom(queryClient) });
  return { queryClient, api, eventSource: (url) => new EventSource(url, { withCredentials: true }) };
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ProblemError && error.status < 500) && count < 2,
      },
      mutations: {
        // A session that ended server-side (expired, key revoked) sends the user back to sign in.
        onError: (error) => {
          if (error instanceof ProblemError && error.status === 401) client.setQueryData(queryKeys.session, null);
        },
      },
    },
  });
  return client;
}

// env "test" turns off Mantine's transitions and portals, so component specs see dropdowns and modals at once.
export function Providers({ deps, children, env }: { deps: AppDependencies; children: ReactNode; env?: 'test' }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" {...(env ? { env } : {})}>
      {/* Three at most: more stacked over the reconciliation table hid its right-hand columns (the rest wait their turn). */}
      <Notifications position="bottom-right" limit={3} />
      <QueryClientProvider client={deps.queryClient}>
        <ApiProvider api={deps.api}>{children}</ApiProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

export function App({ deps }: { deps: AppDependencies }) {
  return (
    <Providers deps={deps}>
      <SessionGate eventSource={deps.eventSource} />
    </Providers>
  );
}

// Signed out: the sign-in page. Signed in: the screens, with the live stream open.
function SessionGate({ eventSource }: { eventSource: EventSourceFactory }) {
  const session = useSession();
  const [router] = useState(createAppRouter);
  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading Seatwise" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <QueryState query={session} label="the session">
        {() => null}
      </QueryState>
    );
  }
  if (session.data === null) return <SignInPage />;
  return (
    <LiveEventsProvider factory={eventSource}>
      <RouterProvider router={router} />
    </LiveEventsProvider>
  );
}
