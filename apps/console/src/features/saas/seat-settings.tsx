import { Alert, Button, Group, NumberInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type SyntheticEvent, useState } from 'react';
import { errorMessage } from '../../api/problem';
import { useCanChange } from '../../session/session';
import { QueryState } from '../../ui/query-state';
import { useSaveSeatSettings, useSeatSettings } from './seats-queries';

const MIN_DAYS = 1;
const MAX_DAYS = 365;

// After how many days without a successful sign-in a seat counts as unused. Admins change it; viewers read it.
export function SeatSettings({ accountId }: { accountId: string }) {
  const settings = useSeatSettings(accountId);
  const canChange = useCanChange();
  return (
    <QueryState query={settings} label="the seat settings">
      {() =>
        settings.data &&
        (canChange ? (
          <SeatSettingsForm accountId={accountId} saved={settings.data.unusedAfterDays} />
        ) : (
          <Text size="sm" mb="md">
            A seat is unused after {settings.data.unusedAfterDays} days without a successful sign-in.
          </Text>
        ))
      }
    </QueryState>
  );
}

function SeatSettingsForm({ accountId, saved }: { accountId: string; saved: number }) {
  // Only an edit in progress is held here; until then the field shows the cached server value.
  const [draft, setDraft] = useState<string | number | null>(null);
  const save = useSaveSeatSettings(accountId);
  const value = draft ?? saved;
  const days = typeof value === 'number' ? value : Number.NaN;
  const valid = Number.isInteger(days) && days >= MIN_DAYS && days <= MAX_DAYS;

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!valid) return;
    save.mutate(
      { unusedAfterDays: days },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({ color: 'green', title: 'Saved', message: `Seats are unused after ${days} days` });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Seat settings">
      <Group align="flex-end" gap="sm" mb="md">
        <NumberInput
          label="Unused after (days)"
          description="Days without a successful sign-in"
          min={MIN_DAYS}
          max={MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          value={value}
          onChange={(next) => {
            setDraft(next);
            save.reset();
          }}
          error={valid ? null : `Between ${MIN_DAYS} and ${MAX_DAYS} days`}
          w={220}
        />
        <Button type="submit" loading={save.isPending} disabled={!valid || days === saved}>
          Save
        </Button>
      </Group>
      {save.isError && (
        <Alert color="red" role="alert" title="Not saved" mb="md">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {errorMessage(save.error)}
          </Text>
        </Alert>
      )}
    </form>
  );
}
