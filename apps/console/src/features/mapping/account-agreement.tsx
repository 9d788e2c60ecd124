import { Badge, Button, Group, List, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useCanChange } from '../../session/session';
import { QueryState } from '../../ui/query-state';
import type { useAccountCommands } from './account-commands';
import { useAccountAgreements } from './account-queries';
import type { AccountMapping, AgreementOption } from './mapping-types';

type AgreementCommand = ReturnType<typeof useAccountCommands>['agreement'];

// The select's value for "no choice": the default rule decides.
const DEFAULT = '';
const DEFAULT_RULE = 'the agreement that already bills other products, else the only active one';

// A mapped account's agreement for new lines: every user sees it; admins change it.
export function AgreementButton({ account, command }: { account: AccountMapping; command: AgreementCommand }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={open}
        aria-label={`Agreement for new lines of ${account.accountName}${account.agreementId === null ? '' : ' (chosen)'}`}
      >
        {account.agreementId === null ? 'Agreement' : 'Agreement ✓'}
      </Button>
      {/* Mounted only while open: the agreements are fetched then, and the choice starts from the stored one. */}
      {opened && <AgreementDialog account={account} command={command} onClose={close} />}
    </>
  );
}

function AgreementDialog(props: { account: AccountMapping; command: AgreementCommand; onClose: () => void }) {
  const { account, onClose } = props;
  const agreements = useAccountAgreements(account.accountId);
  const canChange = useCanChange();
  const items = agreements.data ?? [];
  return (
    <Modal opened onClose={onClose} title={`Agreement for new lines: ${account.accountName}`} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          New lines (new revenue) for {account.psaCompanyName ?? 'the PSA company'} are added to this agreement.
          Default: {DEFAULT_RULE}.
        </Text>
        <QueryState
          query={agreements}
          label="agreements"
          isEmpty={items.length === 0}
          empty="The PSA company has no active agreement: new lines wait until one exists in the PSA."
        >
          {() => (
            <>
              <AgreementList agreements={items} />
              {canChange ? (
                <AgreementForm {...props} agreements={items} />
              ) : (
                <Text size="sm">New lines go on: {chosenName(items)}</Text>
              )}
            </>
          )}
        </QueryState>
      </Stack>
    </Modal>
  );
}

function chosenName(agreements: readonly AgreementOption[]): string {
  return agreements.find((a) => a.chosen)?.name ?? `Default (${DEFAULT_RULE})`;
}

// Each active agreement, with what bills already and which one is chosen.
function AgreementList({ agreements }: { agreements: readonly AgreementOption[] }) {
  return (
    <List listStyleType="none" spacing={4} aria-label="Active agreements">
      {agreements.map((a) => (
        <List.Item key={a.id}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm">{a.name}</Text>
            <Text size="xs" c="dimmed">
              #{a.externalId}
              {a.currency ? `, ${a.currency}` : ''}
            </Text>
            {a.billing && (
              <Badge size="sm" color="green" variant="light">
                Bills already
              </Badge>
            )}
            {a.chosen && (
              <Badge size="sm" color="blue" variant="outline">
                Chosen
              </Badge>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

function AgreementForm(props: {
  account: AccountMapping;
  command: AgreementCommand;
  agreements: readonly AgreementOption[];
  onClose: () => void;
}) {
  const { account, command, agreements, onClose } = props;
  const [value, setValue] = useState(agreements.find((a) => a.chosen)?.id ?? DEFAULT);
  const [note, setNote] = useState('');
  const options = [
    { value: DEFAULT, label: 'Default' },
    ...agreements.map((a) => ({ value: a.id, label: a.billing ? `${a.name} (bills already)` : a.name })),
  ];
  const save = () => {
    const agreementName = agreements.find((a) => a.id === value)?.name ?? 'Default';
    const choice = { accountId: account.accountId, accountName: account.accountName, agreementName, note };
    command.mutate({ ...choice, agreementId: value === DEFAULT ? null : value }, { onSuccess: onClose });
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack gap="sm">
        <NativeSelect
          label="Agreement for new lines"
          data={options}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <Textarea
          label="Note (optional)"
          description="Why, for the audit log"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={command.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
