import { Badge, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/problem';
import { useCanChange } from '../../session/session';

interface Props {
  // "rule Sync watch": names the switch for assistive tech.
  what: string;
  enabled: boolean;
  disabledReason?: string | null;
  pending: boolean;
  onToggle: (enabled: boolean, callbacks: { onError: (error: unknown) => void }) => void;
}

// Admins switch a rule or channel on and off in the list; viewers see the state (and why it is off).
export function EnabledState({ what, enabled, disabledReason, pending, onToggle }: Props) {
  const canChange = useCanChange();
  const reason =
    !enabled && disabledReason ? (
      <Text size="xs" c="dimmed">
        {disabledReason}
      </Text>
    ) : null;
  if (!canChange) {
    return (
      <Stack gap={2}>
        <Badge variant="light" color={enabled ? 'green' : 'gray'}>
          {enabled ? 'Enabled' : 'Disabled'}
        </Badge>
        {reason}
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Switch
        aria-label={`Enabled: ${what}`}
        label={enabled ? 'On' : 'Off'}
        checked={enabled}
        disabled={pending}
        onChange={(e) =>
          onToggle(e.currentTarget.checked, {
            onError: (error) =>
              notifications.show({ color: 'red', title: `Could not change ${what}`, message: errorMessage(error) }),
          })
        }
      />
      {reason}
    </Stack>
  );
}
