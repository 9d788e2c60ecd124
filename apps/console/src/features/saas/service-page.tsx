import { Alert, Group, Tabs, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AdminOnly } from '../../session/admin-only';
import { PageHeader } from '../../shell/page-header';
import { useAccountName } from '../../ui/account-select';
import { CsvLink } from '../../ui/csv-link';
import { QueryState } from '../../ui/query-state';
import { AnchorLink } from '../../ui/anchor-link';
import { ActionsTable } from './actions-table';
import { IgnoreService } from './ignore-service';
import { MatchService } from './match-service';
import { MergeService } from './merge-service';
import { actionsParams, type ServiceDetail, useService } from './saas-queries';
import { ServiceFacts } from './service-facts';
import { ServiceUsersTable } from './service-users-table';

const route = getRouteApi('/saas/services/$serviceId');

export function ServicePage() {
  const { serviceId } = route.useParams();
  const service = useService(serviceId);
  return (
    <QueryState query={service} label="the service">
      {() => service.data && <ServiceView service={service.data} />}
    </QueryState>
  );
}

function ServiceView({ service }: { service: ServiceDetail }) {
  const accountName = useAccountName();
  const merged = service.mergedInto !== null;
  return (
    <>
      <AnchorLink to="/saas" search={{ accountId: service.accountId }} size="sm">
        ← SaaS inventory of {accountName(service.accountId)}
      </AnchorLink>
      <PageHeader
        title={service.name}
        description="A SaaS application seen in this account's Duo authentication logs."
        actions={
          // A merged service follows the one it was merged into; curation happens there.
          !merged && (
            <AdminOnly>
              <MatchService service={service} />
              {service.merged.length === 0 && <MergeService service={service} />}
              {service.status !== 'ignored' && <IgnoreService service={service} />}
            </AdminOnly>
          )
        }
      />
      {service.mergedInto !== null && (
        <Alert color="blue" mb="md" title="Merged">
          This service was merged into{' '}
          <AnchorLink to="/saas/services/$serviceId" params={{ serviceId: service.mergedInto }}>
            another service
          </AnchorLink>
          ; its users and sign-ins count there.
        </Alert>
      )}
      <ServiceFacts service={service} />
      {service.merged.length > 0 && (
        <Group gap="xs" mb="md">
          <Text size="sm" c="dimmed">
            Merged into this service:
          </Text>
          {service.merged.map((m) => (
            <AnchorLink key={m.id} to="/saas/services/$serviceId" params={{ serviceId: m.id }} size="sm">
              {m.name}
            </AnchorLink>
          ))}
        </Group>
      )}
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">Users</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <ServiceUsersTable serviceId={service.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <Group justify="flex-end" mb="xs">
            <CsvLink
              path="/api/v1/discovery/actions"
              params={actionsParams(service.accountId, undefined, service.id)}
              label="the service's history"
            />
          </Group>
          <ActionsTable accountId={service.accountId} serviceId={service.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
