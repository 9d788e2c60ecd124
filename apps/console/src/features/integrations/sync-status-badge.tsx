import { Badge, Loader } from '@mantine/core';
import type { Integration } from './duo-queries';

export type SyncStatus = Integration['syncStatus'];

const COLORS: Record<SyncStatus, string> = { idle: 'gray', syncing: 'blue', backfilling: 'indigo', error: 'red' };

// A Duo integration's or account's polling state; spins while it is fetching, so work in progress is visible.
export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  const busy = status === 'syncing' || status === 'backfilling';
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      leftSection={busy ? <Loader size={10} color={COLORS[status]} aria-hidden /> : undefined}
    >
      {status}
    </Badge>
  );
}
