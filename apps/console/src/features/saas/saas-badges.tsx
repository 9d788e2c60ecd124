import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { Service } from './saas-queries';
import {
  SEAT_REASON_LABELS,
  type SeatReason,
  SERVICE_STATUS_LABELS,
  type ServiceStatus,
  USER_STATUS_LABELS,
  type UserStatus,
} from './saas-search';

const SERVICE_STATUS_COLORS: Record<ServiceStatus, string> = { new: 'blue', known: 'green', ignored: 'gray' };

export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  return (
    <Badge variant="light" color={SERVICE_STATUS_COLORS[status]}>
      {SERVICE_STATUS_LABELS[status]}
    </Badge>
  );
}

const METHOD_LABELS: Record<NonNullable<Service['catalog']>['method'], string> = {
  exact: 'exact name',
  alias: 'alias',
  normalized: 'normalised name',
  manual: 'matched by a person',
  merge: 'through a merge',
};

// The catalog product a service is matched to, or a badge saying it is not matched yet.
export function CatalogMatch({ catalog }: { catalog: Service['catalog'] }) {
  if (catalog === null) {
    return (
      <Badge variant="outline" color="orange">
        Unmatched
      </Badge>
    );
  }
  const how = `Matched ${METHOD_LABELS[catalog.method]}${catalog.vendor ? `; vendor ${catalog.vendor}` : ''}`;
  return (
    <Tooltip label={how}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" span>
          {catalog.productName}
        </Text>
        {catalog.method === 'manual' && (
          <Badge size="xs" variant="light" color="grape">
            manual
          </Badge>
        )}
      </Group>
    </Tooltip>
  );
}

export function matchMethodLabel(method: NonNullable<Service['catalog']>['method']): string {
  return METHOD_LABELS[method];
}

const USER_STATUS_COLORS: Record<UserStatus, string> = {
  active: 'green',
  bypass: 'yellow',
  disabled: 'gray',
  'locked out': 'red',
  'pending deletion': 'orange',
};

export function UserStatusBadge({ status, removed }: { status: UserStatus | null; removed: boolean }) {
  if (removed) {
    return (
      <Badge variant="light" color="gray">
        Removed
      </Badge>
    );
  }
  if (status === null) return <Text c="dimmed">—</Text>;
  return (
    <Badge variant="light" color={USER_STATUS_COLORS[status]}>
      {USER_STATUS_LABELS[status]}
    </Badge>
  );
}

type UsageFlag = Service['flags'][number];

const FLAG_LABELS: Record<UsageFlag, { label: string; color: string; why: string }> = {
  fraud: { label: 'Fraud', color: 'red', why: 'Duo reported fraud on sign-ins to this service' },
  'denial-rate': { label: 'Many denials', color: 'orange', why: 'An unusual share of sign-ins was denied' },
};

// The discovery service's warnings on a service; nothing when there are none.
export function ServiceFlags({ flags }: { flags: Service['flags'] }) {
  if (flags.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {flags.map((flag) => (
        <Tooltip key={flag} label={FLAG_LABELS[flag].why}>
          <Badge size="xs" variant="light" color={FLAG_LABELS[flag].color}>
            {FLAG_LABELS[flag].label}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

const SEAT_REASON_COLORS: Record<SeatReason, string> = {
  'never-enrolled': 'gray',
  'denied-only': 'orange',
  inactive: 'yellow',
};

export function SeatReasonBadge({ reason }: { reason: SeatReason }) {
  return (
    <Badge variant="light" color={SEAT_REASON_COLORS[reason]}>
      {SEAT_REASON_LABELS[reason]}
    </Badge>
  );
}
