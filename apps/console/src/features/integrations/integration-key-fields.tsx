import { PasswordInput, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';

export interface KeyDraft {
  name: string;
  apiHostname: string;
  integrationKey: string;
  secretKey: string;
}

export const KEY_FIELDS = ['name', 'apiHostname', 'integrationKey', 'secretKey'] as const;
export const EMPTY_KEYS: KeyDraft = { name: '', apiHostname: '', integrationKey: '', secretKey: '' };

interface Props {
  draft: KeyDraft;
  onChange: (next: KeyDraft) => void;
  errors: Partial<Record<keyof KeyDraft, string>>;
  // On edit the stored secret is kept unless a new one is typed (the API never sends it back).
  secretOptional?: boolean;
}

// The credentials of a Duo Admin API or Accounts API application, as the Duo Admin Panel shows them.
export function IntegrationKeyFields({ draft, onChange, errors, secretOptional = false }: Props) {
  const set = (field: keyof KeyDraft) => (event: ChangeEvent<HTMLInputElement>) => {
    onChange({ ...draft, [field]: event.currentTarget.value });
  };
  return (
    <Stack gap="sm">
      <TextInput
        label="Name"
        description="How the console names this integration"
        required
        value={draft.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextInput
        label="API hostname"
        placeholder="api-xxxxxxxx.duosecurity.com"
        required
        value={draft.apiHostname}
        onChange={set('apiHostname')}
        error={errors.apiHostname}
      />
      <TextInput
        label="Integration key"
        placeholder="DIXXXXXXXXXXXXXXXXXX"
        required
        value={draft.integrationKey}
        onChange={set('integrationKey')}
        error={errors.integrationKey}
      />
      <PasswordInput
        label="Secret key"
        description={secretOptional ? 'Leave empty to keep the stored secret key' : undefined}
        required={!secretOptional}
        value={draft.secretKey}
        onChange={set('secretKey')}
        error={errors.secretKey}
        autoComplete="off"
      />
    </Stack>
  );
}
