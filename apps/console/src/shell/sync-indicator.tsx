import { Badge, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useLive } from '../live/live-events';
import { useSyncActivity } from '../queries/sync-activity';

// Spins while a Duo sync or a PSA sync run is in progress; says when the live stream is down.
export function SyncIndicator() {
  const { duo, psa } = useSyncActivity();
  const { connected } = useLive();
  const busy = duo + psa > 0;
  const parts = [duo > 0 ? `Duo: ${duo} syncing` : null, psa > 0 ? `PSA: ${psa} sync run${psa > 1 ? 's' : ''}` : null];
  const text = busy ? parts.filter(Boolean).join(', ') : 'All synced';
  return (
    <Group gap="xs" role="status" aria-live="polite" aria-label={`Sync status: ${text}`}>
      {busy ? <Loader size="xs" aria-hidden /> : null}
      <Text size="sm" visibleFrom="sm">
        {text}
      </Text>
      {!connected && (
        <Tooltip label="Live updates paused; reconnecting">
          <Badge color="gray" variant="light">
            offline
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
