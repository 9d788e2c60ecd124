import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { errorMessage } from '../api/problem';

// A screen that failed to render says so inside the layout (navigation stays usable), never a blank page.
export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <Alert color="red" title="This screen failed" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">Something on this screen could not be shown. Other screens still work.</Text>
        <Code block>{errorMessage(error)}</Code>
        <Button size="xs" variant="default" onClick={reset}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}
