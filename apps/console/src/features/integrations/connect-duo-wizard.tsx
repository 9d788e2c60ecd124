import { Alert, Button, Group, Modal, Radio, Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { type IntegrationKind, KIND_DESCRIPTIONS, KIND_LABELS } from './duo-kinds';
import { type IntegrationReport, useAuthenticateIntegration } from './duo-queries';
import { fieldErrors } from './field-errors';
import { EMPTY_KEYS, IntegrationKeyFields, KEY_FIELDS, type KeyDraft } from './integration-key-fields';
import { ValidationReport } from './validation-report';

const KINDS: readonly IntegrationKind[] = ['admin', 'accounts'];
// The Stepper counts steps by index.
const Step = { Kind: 0, Keys: 1, Result: 2 } as const;

// Connect a Duo application in three steps: its type, its keys, and Duo's answer to them. The gateway stores
// the integration even when Duo refuses the keys; a second attempt then changes that integration.
export function ConnectDuoWizard({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<number>(Step.Kind);
  const [kind, setKind] = useState<IntegrationKind>('admin');
  const [keys, setKeys] = useState<KeyDraft>(EMPTY_KEYS);
  const [showRequired, setShowRequired] = useState(false);
  // The integration a first attempt stored (an id, not a copy of it): later attempts change it.
  const [savedId, setSavedId] = useState<string | null>(null);
  const authenticate = useAuthenticateIntegration();

  const submit = () => {
    if (KEY_FIELDS.some((f) => keys[f].trim() === '')) {
      setShowRequired(true);
      return;
    }
    authenticate.mutate(
      { savedId, input: { kind, ...keys } },
      {
        onSuccess: (result) => {
          setSavedId(result.integration.id);
          setStep(Step.Result);
          notifyResult(result);
        },
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Could not save the integration', message: errorMessage(error) }),
      },
    );
  };

  const errors = {
    ...(showRequired ? requiredErrors(keys) : {}),
    ...fieldErrors(authenticate.error, KEY_FIELDS),
  };

  return (
    <Modal opened onClose={onClose} title="Connect Duo" size="lg">
      <Stepper
        active={step}
        onStepClick={(s) => {
          if (s < step) setStep(s);
        }}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label="Type" description="Admin or Accounts API">
          <KindChoice kind={kind} onChange={setKind} />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                setStep(Step.Keys);
              }}
            >
              Next
            </Button>
          </Group>
        </Stepper.Step>
        <Stepper.Step label="Keys" description="From the Duo Admin Panel">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {KIND_LABELS[kind]}: copy these from the application&apos;s page in the Duo Admin Panel.
            </Text>
            <IntegrationKeyFields draft={keys} onChange={setKeys} errors={errors} />
            {authenticate.isError && (
              <Alert color="red" title="Not saved" role="alert">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {errorMessage(authenticate.error)}
                </Text>
              </Alert>
            )}
          </Stack>
          <Group justify="flex-end" mt="md">
            <Button
              variant="default"
              onClick={() => {
                setStep(Step.Kind);
              }}
            >
              Back
            </Button>
            <Button onClick={submit} loading={authenticate.isPending}>
              Authenticate
            </Button>
          </Group>
        </Stepper.Step>
        <Stepper.Step label="Authenticate" description="Duo's answer">
          {authenticate.data && (
            <Outcome
              report={authenticate.data}
              onFix={() => {
                setStep(Step.Keys);
              }}
              onDone={onClose}
            />
          )}
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}

function KindChoice({ kind, onChange }: { kind: IntegrationKind; onChange: (kind: IntegrationKind) => void }) {
  return (
    <Radio.Group
      label="Which Duo application?"
      value={kind}
      onChange={(value) => {
        onChange(value === 'accounts' ? 'accounts' : 'admin');
      }}
    >
      <Stack gap="sm" mt="xs">
        {KINDS.map((k) => (
          <Radio key={k} value={k} label={KIND_LABELS[k]} description={KIND_DESCRIPTIONS[k]} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function Outcome({ report, onFix, onDone }: { report: IntegrationReport; onFix: () => void; onDone: () => void }) {
  const { validation, integration } = report;
  return (
    <Stack gap="sm">
      <ValidationReport validation={validation} />
      {!validation.ok && (
        <Text size="sm" c="dimmed">
          “{integration.name}” is saved with status error and is not polled until Duo accepts it. Fix the keys now, or
          later with Edit on its card.
        </Text>
      )}
      <Group justify="flex-end">
        {validation.ok ? (
          <Button onClick={onDone}>Done</Button>
        ) : (
          <>
            <Button variant="default" onClick={onDone}>
              Close
            </Button>
            <Button onClick={onFix}>Back to keys</Button>
          </>
        )}
      </Group>
    </Stack>
  );
}

function requiredErrors(keys: KeyDraft): Partial<Record<keyof KeyDraft, string>> {
  return Object.fromEntries(KEY_FIELDS.filter((f) => keys[f].trim() === '').map((f) => [f, 'Required']));
}

function notifyResult({ integration, validation }: IntegrationReport): void {
  if (validation.ok) {
    notifications.show({ color: 'green', title: 'Duo connected', message: `${integration.name} is syncing.` });
  } else {
    notifications.show({
      color: 'orange',
      title: 'Duo did not accept the integration',
      message: `${integration.name} was saved with status error: see what to fix.`,
    });
  }
}
