import { Alert, Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';

export function NotFound() {
  return (
    <Alert color="yellow" title="Page not found" role="alert">
      There is no such page.{' '}
      <Anchor component={Link} to="/">
        Go to the overview
      </Anchor>
      .
    </Alert>
  );
}
