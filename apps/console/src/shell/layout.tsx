import { AppShell, Badge, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useSession, useSignOut } from '../session/session';
import { NAV_ITEMS } from './nav-items';
import { SyncIndicator } from './sync-indicator';

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession().data;
  const signOut = useSignOut();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const items = NAV_ITEMS.filter((item) => !item.adminOnly || session?.role === 'admin');

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h4">
              Seatwise
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <SyncIndicator />
            {session && (
              <Group gap={6} visibleFrom="sm" wrap="nowrap">
                <Text size="sm">{session.name}</Text>
                <Badge variant="light" color={session.role === 'admin' ? 'blue' : 'gray'}>
                  {session.role}
                </Badge>
              </Group>
            )}
            <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Sections">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={item.to === '/' ? path === '/' : path.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
