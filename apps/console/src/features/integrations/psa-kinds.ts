import type { PsaConnection, PsaConnectionInput } from './psa-queries';

// The PSAs a connection can be made to (an import is made by importing a file instead).
export type PsaKind = PsaConnectionInput['kind'];
type InputOf<K extends PsaKind> = Extract<PsaConnectionInput, { kind: K }>;
// A PSA's own credential fields, read from the API's body type: a field the API adds fails to compile below
// until it is described.
export type CredentialField<K extends PsaKind> = Exclude<keyof InputOf<K>, 'kind' | 'name' | 'note'>;
export type AnyCredentialField = { [K in PsaKind]: CredentialField<K> }[PsaKind];

export interface FieldSpec {
  label: string;
  description?: string;
  placeholder?: string;
  // Write-only: typed in a password input, never shown again; on edit, left empty keeps the stored one.
  secret?: boolean;
  // The API has a default for it.
  optional?: boolean;
}

export const PSA_KINDS: readonly PsaKind[] = ['connectwise', 'autotask', 'halopsa'];

export const PSA_KIND_LABELS: Record<PsaConnection['kind'], string> = {
  connectwise: 'ConnectWise',
  autotask: 'Autotask',
  halopsa: 'HaloPSA',
  import: 'JSON import',
};

// Where in the PSA the credentials are made, so the user knows what to copy.
export const PSA_KIND_HELP: Record<PsaKind, string> = {
  connectwise: "An API member's keys (ConnectWise: System, Members, API Members) and your developer client id.",
  autotask:
    'An API-only user (Autotask: Admin, Resources (Users), security level API User) with its username, secret and API tracking identifier.',
  halopsa:
    'An API application (HaloPSA: Configuration, Integrations, HaloPSA API, Applications) using Client ID and Secret (Services) authentication.',
};

// Fields in the order the form shows them.
export const PSA_FIELDS: { [K in PsaKind]: Record<CredentialField<K>, FieldSpec> } = {
  connectwise: {
    siteUrl: { label: 'Site URL', placeholder: 'https://na.myconnectwise.net' },
    companyId: { label: 'Company id' },
    clientId: { label: 'Client id' },
    publicKey: { label: 'Public key' },
    privateKey: { label: 'Private key', secret: true },
  },
  autotask: {
    userName: { label: 'API user name', placeholder: 'api-user@example.com' },
    integrationCode: {
      label: 'Integration code',
      description: "The API user's API tracking identifier",
    },
    secret: { label: 'Secret', secret: true },
    zoneDiscoveryUrl: {
      label: 'Zone discovery URL',
      description: "Where Autotask tells which zone the user's database is in; leave empty for Autotask's own",
      placeholder: 'https://webservices.autotask.net',
      optional: true,
    },
  },
  halopsa: {
    resourceUrl: {
      label: 'Resource server URL',
      description: 'Your HaloPSA API address (Configuration, Integrations, HaloPSA API)',
      placeholder: 'https://yourcompany.halopsa.com/api',
    },
    clientId: { label: 'Client id' },
    clientSecret: { label: 'Client secret', secret: true },
    authUrl: {
      label: 'Authorisation server URL',
      description: "Leave empty for the same instance's /auth",
      placeholder: 'https://yourcompany.halopsa.com/auth',
      optional: true,
    },
    tenant: {
      label: 'Tenant',
      description: 'Hosted HaloPSA only: your tenant name',
      optional: true,
    },
  },
};

export function fieldsOf(kind: PsaKind): [AnyCredentialField, FieldSpec][] {
  // Object.entries types keys as string; these are exactly the keys of PSA_FIELDS[kind].
  return Object.entries(PSA_FIELDS[kind]) as [AnyCredentialField, FieldSpec][];
}

// How a stored setting is named on a connection's card ("zoneDiscoveryUrl" as "Zone discovery URL").
export function settingLabel(kind: PsaConnection['kind'], key: string): string {
  if (kind === 'import') return key;
  return fieldsOf(kind).find(([field]) => field === key)?.[1].label ?? key;
}

export type SyncedConnection = PsaConnection & { kind: PsaKind };

// A connection to a PSA (synced, editable), as opposed to a JSON import.
export function isSynced(connection: PsaConnection): connection is SyncedConnection {
  return connection.kind !== 'import';
}
