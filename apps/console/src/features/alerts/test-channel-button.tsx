import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { AccountSelect } from '../../ui/account-select';
import { type AlertChannel, type TestOutcome, useTestChannel } from './alerts-queries';

// "Send test": a dialog that sends one test notification and shows how it went. A ticket channel files a
// real ticket only for a chosen (mapped) account, so it offers one.
export function TestChannelButton({ channel }: { channel: AlertChannel }) {
  const [opened, { open, close }] = useDisclosure(false);
  const test = useTestChannel(channel.id);
  const [accountId, setAccountId] = useState<string | undefined>();
  const dismiss = () => {
    close();
    test.reset();
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={open} aria-label={`Send test to ${channel.name}`}>
        Send test
      </Button>
      <Modal opened={opened} onClose={dismiss} title={`Test channel “${channel.name}”`}>
        <Stack>
          <Text size="sm">Sends one test notification through this channel now, even when it is disabled.</Text>
          {channel.kind === 'ticket' && (
            <AccountSelect
              label="File the ticket for"
              placeholder="No account: check the board only"
              clearable
              value={accountId}
              onChange={setAccountId}
            />
          )}
          {test.data && <OutcomeAlert outcome={test.data} />}
          {test.isError && (
            <Alert color="red" role="alert" title="Test not sent">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {errorMessage(test.error)}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Close
            </Button>
            <Button onClick={() => test.mutate(accountId)} loading={test.isPending}>
              Send test
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function OutcomeAlert({ outcome }: { outcome: TestOutcome }) {
  if (outcome.ok) {
    return (
      <Alert color="green" role="status" title="Test delivered">
        <Text size="sm">{outcome.detail}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" title={`Test failed (${outcome.code})`}>
      <Text size="sm">{outcome.detail}</Text>
      <Text size="xs" c="dimmed">
        {outcome.retryable ? 'A real notification would be retried.' : 'A real notification would not be retried.'}
      </Text>
    </Alert>
  );
}
