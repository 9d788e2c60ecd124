import { Card, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

// One side of a tab (the PSA list or the Duo list): a titled card with its export and filters.
export function Panel({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="sm" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

// Both lists of a tab fit a 1280×800 window side by side.
export const LIST_HEIGHT = 440;
