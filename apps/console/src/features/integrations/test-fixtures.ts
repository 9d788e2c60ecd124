import type { DuoAccount, Integration, IntegrationReport } from './duo-queries';
import type { PsaConnection, SyncRun } from './psa-queries';

// Gateway answers for the component specs, in the generated API types.

export const page = <T>(items: T[]) => ({ items, nextCursor: null });

export function integrationView(over: Partial<Integration> = {}): Integration {
  return {
    id: 'int_acme',
    name: 'Acme Duo',
    kind: 'admin',
    apiHostname: 'api-acme.duosecurity.com',
    integrationKey: 'DIACMEACMEACMEACMEAC',
    status: 'connected',
    syncStatus: 'idle',
    lastError: null,
    lastSyncAt: '2025-03-01T10:00:00.000Z',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...over,
  };
}

export function accountView(over: Partial<DuoAccount> = {}): DuoAccount {
  return {
    id: 'DAACME0000000000001',
    integrationId: 'int_acme',
    name: 'Acme Corp',
    edition: 'ENTERPRISE',
    seats: 120,
    syncStatus: 'idle',
    behindMs: null,
    lastError: null,
    lastSyncAt: '2025-03-01T10:00:00.000Z',
    removed: false,
    ...over,
  };
}

export function reportOf(
  integration: Integration,
  validation: Partial<IntegrationReport['validation']> = {},
): IntegrationReport {
  return {
    integration,
    validation: {
      ok: true,
      granted: ['readInformation', 'readLog', 'readResource'],
      missing: [],
      error: null,
      accountsFound: 1,
      ...validation,
    },
  };
}

export function psaConnectionView(over: Partial<PsaConnection> = {}): PsaConnection {
  return {
    id: 'con_cw',
    name: 'ConnectWise prod',
    kind: 'connectwise',
    status: 'connected',
    siteUrl: 'https://na.myconnectwise.net',
    companyId: 'acmemsp',
    publicKey: 'pubkey1',
    clientId: 'client-1',
    settings: {},
    usage: null,
    lastError: null,
    lastSyncAt: '2025-03-01T09:00:00.000Z',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    ...over,
  };
}

export function syncRunView(over: Partial<SyncRun> = {}): SyncRun {
  return {
    id: 'run_1',
    connectionId: 'con_cw',
    kind: 'quick',
    state: 'complete',
    trigger: 'schedule',
    requestedBy: 'scheduler',
    requestedAt: '2025-03-01T08:00:00.000Z',
    startedAt: '2025-03-01T08:00:01.000Z',
    finishedAt: '2025-03-01T08:01:00.000Z',
    error: null,
    counts: { companies: 10, products: 4, agreements: 12, additions: 30, removed: 0 },
    revision: 3,
    ...over,
  };
}
