import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime, formatNumber } from '../../ui/format';
import { CatalogMatch, ServiceStatusBadge } from './saas-badges';
import type { ServiceDetail } from './saas-queries';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <div>{children}</div>
      </Stack>
    </Card>
  );
}

export function ServiceFacts({ service }: { service: ServiceDetail }) {
  const { activeUsers } = service;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="md">
      <Fact label="Status">
        <ServiceStatusBadge status={service.status} />
      </Fact>
      <Fact label="Catalog match">
        <CatalogMatch catalog={service.catalog} />
        {service.catalog?.category && (
          <Text size="xs" c="dimmed">
            {service.catalog.category}
            {service.catalog.domain ? ` · ${service.catalog.domain}` : ''}
          </Text>
        )}
      </Fact>
      <Fact label="Users">
        <Text fw={600}>{formatNumber(service.userCount)}</Text>
      </Fact>
      <Fact label="Active users 7 / 30 / 90 days">
        <Text fw={600}>
          {formatNumber(activeUsers.days7)} / {formatNumber(activeUsers.days30)} / {formatNumber(activeUsers.days90)}
        </Text>
      </Fact>
      <Fact label="Sign-ins">
        <Text fw={600}>{formatNumber(service.authCount)}</Text>
        <Text size="xs" c="dimmed">
          {formatNumber(service.successCount)} allowed · {formatNumber(service.denialCount)} denied
        </Text>
      </Fact>
      <Fact label="First seen">{formatDateTime(service.firstSeen)}</Fact>
      <Fact label="Last seen">{formatDateTime(service.lastSeen)}</Fact>
      <Fact label="Application key">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {service.applicationKey}
        </Text>
      </Fact>
    </SimpleGrid>
  );
}
