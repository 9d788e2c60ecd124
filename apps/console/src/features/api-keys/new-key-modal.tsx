import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { ResponseOf } from '../../api/types';

type CreatedKey = ResponseOf<'/api/v1/api-keys', 'post'>;

// The only time the key is visible: the gateway keeps a hash, so a lost key cannot be shown again (revoke it
// and create another). Closing the dialog drops the key from the page.
export function NewKeyModal({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={`API key for ${created.name}`} centered size="lg">
      <Stack>
        <Alert color="yellow" title="Copy the key now" role="alert">
          This key will not be shown again. Store it somewhere safe before closing this dialog.
        </Alert>
        <Code block aria-label="New API key" style={{ wordBreak: 'break-all' }}>
          {created.key}
        </Code>
        <Text size="sm" c="dimmed">
          Role: {created.role}. It appears in the list as {created.prefix}…
        </Text>
        <Group justify="flex-end">
          <CopyButton value={created.key}>
            {({ copied, copy }) => (
              <Button color={copied ? 'teal' : 'indigo'} onClick={copy}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
