import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { type Integration, type IntegrationChanges, useUpdateIntegration } from './duo-queries';
import { fieldErrors } from './field-errors';
import { IntegrationKeyFields, KEY_FIELDS, type KeyDraft } from './integration-key-fields';
import { ValidationReport } from './validation-report';

export function EditIntegrationButton({ integration }: { integration: Integration }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" size="xs" onClick={open} aria-label={`Edit integration ${integration.name}`}>
        Edit
      </Button>
      {/* Mounted only while open, so each opening starts from the integration as stored. */}
      {opened && <EditIntegrationModal integration={integration} onClose={close} />}
    </>
  );
}

function EditIntegrationModal({ integration, onClose }: { integration: Integration; onClose: () => void }) {
  const [draft, setDraft] = useState<KeyDraft>({
    name: integration.name,
    apiHostname: integration.apiHostname,
    integrationKey: integration.integrationKey,
    secretKey: '',
  });
  const update = useUpdateIntegration(integration.id);
  const changes = changesOf(integration, draft);
  const unchanged = Object.keys(changes).length === 0;
  const report = update.data;

  // With nothing changed, the stored keys are probed again (say, after permissions were granted in Duo): the
  // API wants at least one field, and any field makes it probe.
  const save = () => {
    update.mutate(unchanged ? { name: integration.name } : changes, {
      onSuccess: ({ validation, integration: saved }) => {
        if (validation.ok) {
          notifications.show({ color: 'green', title: 'Integration saved', message: `${saved.name} is syncing.` });
          onClose();
        } else {
          notifications.show({ color: 'orange', title: 'Saved, but Duo did not accept it', message: saved.name });
        }
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not save the integration', message: errorMessage(error) }),
    });
  };

  return (
    <Modal opened onClose={onClose} title={`Edit “${integration.name}”`} size="lg">
      <Stack gap="sm">
        <IntegrationKeyFields
          draft={draft}
          onChange={setDraft}
          errors={fieldErrors(update.error, KEY_FIELDS)}
          secretOptional
        />
        {update.isError && (
          <Alert color="red" title="Not saved" role="alert">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {errorMessage(update.error)}
            </Text>
          </Alert>
        )}
        {report && !report.validation.ok && <ValidationReport validation={report.validation} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} loading={update.isPending}>
            {unchanged ? 'Authenticate again' : 'Save and authenticate'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// Only what the user changed: the API keeps the rest, the secret key included when left empty.
function changesOf(integration: Integration, draft: KeyDraft): IntegrationChanges {
  const changes: IntegrationChanges = {};
  if (draft.name.trim() !== integration.name) changes.name = draft.name;
  if (draft.apiHostname.trim() !== integration.apiHostname) changes.apiHostname = draft.apiHostname;
  if (draft.integrationKey.trim() !== integration.integrationKey) changes.integrationKey = draft.integrationKey;
  if (draft.secretKey !== '') changes.secretKey = draft.secretKey;
  return changes;
}
