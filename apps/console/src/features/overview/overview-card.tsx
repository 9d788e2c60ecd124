import { Anchor, Card, Group, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { NavItem } from '../../shell/nav-items';

interface Props {
  title: string;
  // The screen that shows this in full.
  to: NavItem['to'];
  linkLabel: string;
  actions?: ReactNode;
  children: ReactNode;
}

export function OverviewCard({ title, to, linkLabel, actions, children }: Props) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5">
            {title}
          </Title>
          {actions}
        </Group>
        <div style={{ flex: 1 }}>{children}</div>
        <Anchor component={Link} to={to} size="sm">
          {linkLabel}
        </Anchor>
      </Stack>
    </Card>
  );
}
