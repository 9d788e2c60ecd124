import { Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/problem';
import { useSession } from '../../session/session';
import { ConfirmModal } from '../../ui/confirm-modal';
import { type ApiKey, useRevokeApiKey } from './api-keys-queries';

// Revoking cannot be undone (the key stops working at once), so it asks first, and says so when the key is
// the one this session was opened with.
export function RevokeApiKey({ apiKey }: { apiKey: ApiKey }) {
  const [opened, { open, close }] = useDisclosure(false);
  const revoke = useRevokeApiKey();
  const own = useSession().data?.keyId === apiKey.id;

  const confirm = () =>
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        close();
        notifications.show({ color: 'green', title: 'API key revoked', message: apiKey.name });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(error) }),
    });

  const dismiss = () => {
    close();
    revoke.reset();
  };

  return (
    <>
      <Button size="xs" variant="light" color="red" onClick={open} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={dismiss}
        title={`Revoke ${apiKey.name}?`}
        confirmLabel="Revoke key"
        onConfirm={confirm}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <Stack gap="xs">
          <Text size="sm">
            The key {apiKey.prefix}… ({apiKey.role}) stops working at once. This cannot be undone; the record stays for
            the audit trail.
          </Text>
          {own && (
            <Text size="sm" c="red" fw={600}>
              This is the key you are signed in with: revoking it ends your session.
            </Text>
          )}
        </Stack>
      </ConfirmModal>
    </>
  );
}
