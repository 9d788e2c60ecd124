import { Group, PasswordInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import type { PsaDraft } from './psa-drafts';
import {
  type AnyCredentialField,
  fieldsOf,
  type FieldSpec,
  PSA_KIND_HELP,
  PSA_KIND_LABELS,
  PSA_KINDS,
} from './psa-kinds';

type Errors = Partial<Record<AnyCredentialField | 'name', string>>;

interface Props {
  draft: PsaDraft;
  onChange: (draft: PsaDraft) => void;
  errors: Errors;
  // On edit the stored secret is kept unless a new one is typed (the API never sends it back).
  secretOptional?: boolean;
}

// The name and the credentials of the draft's PSA, each with its label and help.
export function PsaConnectionFields({ draft, onChange, errors, secretOptional = false }: Props) {
  const input = (field: AnyCredentialField, spec: FieldSpec) => ({
    label: spec.label,
    description:
      spec.secret && secretOptional ? `Leave empty to keep the stored ${spec.label.toLowerCase()}` : spec.description,
    placeholder: spec.placeholder,
    value: draft.fields[field] ?? '',
    error: errors[field],
    required: spec.optional !== true && !(spec.secret === true && secretOptional),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      onChange({ ...draft, fields: { ...draft.fields, [field]: event.currentTarget.value } });
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {PSA_KIND_HELP[draft.kind]}
      </Text>
      <TextInput
        label="Name"
        description="How the console names this connection"
        required
        value={draft.name}
        error={errors.name}
        onChange={(event) => onChange({ ...draft, name: event.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {fieldsOf(draft.kind).map(([field, spec]) =>
          spec.secret ? (
            <PasswordInput key={field} {...input(field, spec)} autoComplete="off" />
          ) : (
            <TextInput key={field} {...input(field, spec)} />
          ),
        )}
      </SimpleGrid>
    </Stack>
  );
}

// Which PSA to connect; a change starts that PSA's fields empty (the name stays).
export function PsaKindChoice({ draft, onChange }: { draft: PsaDraft; onChange: (draft: PsaDraft) => void }) {
  return (
    <Radio.Group
      label="PSA"
      value={draft.kind}
      onChange={(value) => {
        const kind = PSA_KINDS.find((k) => k === value);
        if (kind !== undefined && kind !== draft.kind) onChange({ kind, name: draft.name, fields: {} });
      }}
    >
      <Group gap="lg" mt="xs">
        {PSA_KINDS.map((kind) => (
          <Radio key={kind} value={kind} label={PSA_KIND_LABELS[kind]} />
        ))}
      </Group>
    </Radio.Group>
  );
}
