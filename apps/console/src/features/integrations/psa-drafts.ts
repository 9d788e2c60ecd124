import { type AnyCredentialField, fieldsOf, PSA_KINDS, type PsaKind, type SyncedConnection } from './psa-kinds';
import type { PsaConnection, PsaConnectionChanges, PsaConnectionInput } from './psa-queries';

// What the connection form holds: the name, and the credential fields of the chosen PSA as typed.
export interface PsaDraft {
  kind: PsaKind;
  name: string;
  fields: Partial<Record<AnyCredentialField, string>>;
}

// Every field the form may show, for placing the API's field errors beside their inputs.
export const DRAFT_FIELDS: readonly (AnyCredentialField | 'name')[] = [
  'name',
  ...new Set(PSA_KINDS.flatMap((kind) => fieldsOf(kind).map(([field]) => field))),
];

export function emptyDraft(kind: PsaKind, name = ''): PsaDraft {
  return { kind, name, fields: {} };
}

// ConnectWise keeps its settings as fields of their own; the other PSAs keep theirs in `settings`.
const CONNECTWISE_COLUMNS = ['siteUrl', 'companyId', 'publicKey', 'clientId'] as const;
type ConnectWiseColumn = (typeof CONNECTWISE_COLUMNS)[number];

function isConnectWiseColumn(field: AnyCredentialField): field is ConnectWiseColumn {
  return (CONNECTWISE_COLUMNS as readonly string[]).includes(field);
}

// A stored (non-secret) value of a connection, '' when it has none.
export function storedValue(connection: PsaConnection, field: AnyCredentialField): string {
  if (connection.kind === 'connectwise' && isConnectWiseColumn(field)) return connection[field] ?? '';
  return connection.settings[field] ?? '';
}

// The edit form starts from the connection as stored; secrets start empty (the API never sends them).
export function draftOf(connection: SyncedConnection): PsaDraft {
  const fields: PsaDraft['fields'] = {};
  for (const [field, spec] of fieldsOf(connection.kind)) {
    if (!spec.secret) fields[field] = storedValue(connection, field);
  }
  return { kind: connection.kind, name: connection.name, fields };
}

function valueOf(draft: PsaDraft, field: AnyCredentialField): string {
  return draft.fields[field]?.trim() ?? '';
}

// Optional fields are left out when empty, so the API applies its default.
function optional<F extends AnyCredentialField>(draft: PsaDraft, field: F): Partial<Record<F, string>> {
  const value = valueOf(draft, field);
  return value === '' ? {} : ({ [field]: value } as Record<F, string>);
}

// The create body of the chosen PSA. Secrets are sent as typed (spaces may be part of them).
export function inputOf(draft: PsaDraft): PsaConnectionInput {
  const text = (field: AnyCredentialField) => valueOf(draft, field);
  const secret = (field: AnyCredentialField) => draft.fields[field] ?? '';
  switch (draft.kind) {
    case 'connectwise':
      return {
        kind: 'connectwise',
        name: draft.name,
        siteUrl: text('siteUrl'),
        companyId: text('companyId'),
        clientId: text('clientId'),
        publicKey: text('publicKey'),
        privateKey: secret('privateKey'),
      };
    case 'autotask':
      return {
        kind: 'autotask',
        name: draft.name,
        userName: text('userName'),
        integrationCode: text('integrationCode'),
        secret: secret('secret'),
        ...optional(draft, 'zoneDiscoveryUrl'),
      };
    case 'halopsa':
      return {
        kind: 'halopsa',
        name: draft.name,
        resourceUrl: text('resourceUrl'),
        clientId: text('clientId'),
        clientSecret: secret('clientSecret'),
        ...optional(draft, 'authUrl'),
        ...optional(draft, 'tenant'),
      };
  }
}

// Only what the user changed, of the connection's own kind: a secret only when a new one was typed, an optional
// field only when it holds something (the API cannot unset one).
export function changesOf(connection: PsaConnection, draft: PsaDraft): PsaConnectionChanges {
  const changes: PsaConnectionChanges = {};
  if (draft.name.trim() !== connection.name) changes.name = draft.name;
  for (const [field, spec] of fieldsOf(draft.kind)) {
    const typed = draft.fields[field] ?? '';
    if (spec.secret) {
      if (typed !== '') changes[field] = typed;
    } else if (typed.trim() !== storedValue(connection, field) && !(spec.optional === true && typed.trim() === '')) {
      changes[field] = typed.trim();
    }
  }
  return changes;
}
