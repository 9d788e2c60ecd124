import { Alert, Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/problem';

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

interface Props {
  query: QueryLike;
  // What the screen shows; called only once data is there.
  children: () => ReactNode;
  isEmpty?: boolean;
  empty?: ReactNode;
  label: string;
}

// Loading, error (the problem's detail) and empty states, so no screen is ever blank.
export function QueryState({ query, children, isEmpty = false, empty, label }: Props) {
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={`Loading ${label}`} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title={`Could not load ${label}`} role="alert">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{errorMessage(query.error)}</Text>
      </Alert>
    );
  }
  if (isEmpty) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {empty ?? `No ${label} yet.`}
      </Text>
    );
  }
  return <>{children()}</>;
}
