import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { streamName } from '@seatwise/shared/bus/subjects';
import type { StreamKey } from '@seatwise/shared/contracts/streams';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import type { PsaSimMode } from '@seatwise/psa-simulator/modes/mode-names';
import type { RequestRecord } from '@seatwise/psa-simulator/data/requests';
import { startPsaSimulator, type PsaSimulator } from '@seatwise/psa-simulator/server';
import type { PsaConnectionBody } from '@seatwise/shared/contracts/reconcile-rpcs';
import type { DuoAccountSnapshotEvent, DuoEdition } from '@seatwise/shared/contracts/duo-events';
import type { RpcRequest, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { outboundAllowEnv } from '@seatwise/testing/service-env';
import { type Reconcile, startReconcile, stopReconcile } from './reconcile-app';

export type PsaTruth = ReturnType<PsaSimulator['truth']>;
export type DuoTruthAccount = ReturnType<DuoSimulator['truth']>['accounts'][number];

export interface Msp extends Reconcile {
  duo: DuoSimulator;
  psa: PsaSimulator;
}

// A 20-account MSP: the Duo simulator and a PSA simulator paired with it (same seed, accounts and users), speaking
// the given PSA's API.
export async function startMsp(seed: string, accounts: number, mode: PsaSimMode = 'connectwise'): Promise<Msp> {
  const usersPerAccount = 30;
  const duo = await startDuoSimulator({ seed, accounts, usersPerAccount, events: 0, rateLimits: false });
  const psa = await startPsaSimulator({
    mode,
    seed,
    duoPairing: { seed, accounts, usersPerAccount },
    rateLimits: false,
  });
  const reconcile = await startReconcile({
    RECONCILE_PSA_RETRY_BASE_MS: '5',
    RECONCILE_PSA_MAX_ATTEMPTS: '12',
    RECONCILE_PSA_TIMEOUT_MS: '5000',
    RECONCILE_PSA_PAGE_SIZE: '10',
    // The PSA simulator is reached as the operator allows it: by its exact host:port.
    ...outboundAllowEnv(psa.url),
  });
  return { ...reconcile, duo, psa };
}

export async function stopMsp(msp: Msp | undefined): Promise<void> {
  if (!msp) return;
  await stopReconcile(msp);
  await msp.duo.close();
  await msp.psa.close();
}

// What the connector would publish for a Duo account (the connector itself is not under test here).
export function snapshotOf(
  account: DuoTruthAccount,
  observedAt: Date,
  seats = account.billable_seats,
): DuoAccountSnapshotEvent {
  return {
    integrationId: 'int_spec',
    accountId: account.account_id,
    name: account.name,
    edition: account.edition as DuoEdition,
    userCount: account.users,
    pendingDeletionCount: account.users - account.billable_seats,
    billableSeats: seats,
    adminCount: 1,
    integrationCount: 1,
    observedAt: observedAt.toISOString(),
  };
}

// Reads every page of a list RPC, following nextCursor.
export async function allPages<
  K extends
    | 'reconcile.reconciliation.list'
    | 'reconcile.mappings.accounts.list'
    | 'reconcile.audit.list'
    | 'reconcile.psa.products.list'
    | 'reconcile.psa.companies.list',
>(msp: Msp, name: K, request: RpcRequest<K>): Promise<RpcResponse<K>['items']> {
  const items: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page: RpcResponse<K> = await msp.rpc.request(name, { ...request, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items as RpcResponse<K>['items'];
}

type ConnectionBody = PsaConnectionBody;

// The connection a user would enter for the simulator, in its PSA's own terms.
export function connectionInput(psa: PsaSimulator): ConnectionBody {
  const info = psa.info;
  switch (info.mode) {
    case 'connectwise': {
      const { companyId, publicKey, privateKey, clientId } = info;
      return { name: 'CW', kind: 'connectwise', siteUrl: psa.url, companyId, publicKey, privateKey, clientId };
    }
    case 'autotask': {
      const { zoneDiscoveryUrl, userName, secret, integrationCode } = info;
      return { name: 'Autotask', kind: 'autotask', zoneDiscoveryUrl, userName, secret, integrationCode };
    }
    case 'halopsa': {
      const { resourceUrl, tenant, clientId, clientSecret } = info;
      return { name: 'Halo', kind: 'halopsa', resourceUrl, tenant, clientId, clientSecret };
    }
  }
}

// The same connection with a wrong secret.
export function withWrongSecret(input: ConnectionBody): ConnectionBody {
  switch (input.kind) {
    case 'connectwise':
      return { ...input, privateKey: 'wrong' };
    case 'autotask':
      return { ...input, secret: 'wrong' };
    case 'halopsa':
      return { ...input, clientSecret: 'wrong' };
  }
}

// A request that changed billing in the PSA: a ConnectWise addition PATCH or POST, an Autotask
// ContractServiceAdjustment, a Halo recurring-invoice POST.
export function isWrite(mode: PsaSimMode, r: RequestRecord): boolean {
  if (r.status < 200 || r.status >= 300) return false;
  switch (mode) {
    case 'connectwise':
      return (r.method === 'PATCH' || r.method === 'POST') && /\/finance\/agreements\/\d+\/additions/.test(r.path);
    case 'autotask':
      return r.method === 'POST' && /\/ContractServiceAdjustments$/i.test(r.path);
    case 'halopsa':
      return r.method === 'POST' && /\/api\/recurringinvoice$/i.test(r.path);
  }
}

// Spends n requests of the caller's per-minute budget with cheap authenticated reads, the way another integration
// of the same PSA account would; answers the status of one more.
export async function drainBudget(psa: PsaSimulator, n: number): Promise<number> {
  const call = await cheapCall(psa);
  await Promise.all(Array.from({ length: n }, () => call()));
  return call();
}

async function cheapCall(psa: PsaSimulator): Promise<() => Promise<number>> {
  const info = psa.info;
  const status = async (url: string, headers: Record<string, string>) => (await fetch(url, { headers })).status;
  switch (info.mode) {
    case 'connectwise': {
      const basic = Buffer.from(`${info.companyId}+${info.publicKey}:${info.privateKey}`).toString('base64');
      const headers = { Authorization: `Basic ${basic}`, clientId: info.clientId };
      return () => status(`${info.apiUrl}/company/companies/count`, headers);
    }
    case 'autotask': {
      const headers = { ApiIntegrationCode: info.integrationCode, UserName: info.userName, Secret: info.secret };
      return () => status(`${psa.url}/atservicesrest/v1.0/Companies/0`, headers);
    }
    case 'halopsa': {
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: info.clientId,
        client_secret: info.clientSecret,
        scope: 'all',
      });
      const token = (await (
        await fetch(`${info.authUrl}/token?tenant=${info.tenant}`, { method: 'POST', body: form })
      ).json()) as { access_token: string };
      return () => status(`${info.resourceUrl}/client/0`, { Authorization: `Bearer ${token.access_token}` });
    }
  }
}

// The PSA's product name of each Duo SKU (the same in every dialect).
export const SKU_PRODUCT_NAME: Record<string, string> = {
  Essentials: 'Duo Essentials',
  Advantage: 'Duo Advantage',
  Premier: 'Duo Premier',
  Free: 'Duo Free',
};

export const SKU_PRODUCT: Record<string, string> = {
  Essentials: 'DUO-ESSENTIALS',
  Advantage: 'DUO-ADVANTAGE',
  Premier: 'DUO-PREMIER',
  Free: 'DUO-FREE',
};
export const SKU_EDITION: Record<string, string> = {
  ENTERPRISE: 'Essentials',
  PLATFORM: 'Advantage',
  BEYOND: 'Premier',
  PERSONAL: 'Free',
};

// What the PSA bills a company for a product: active additions on active agreements.
export function billed(truth: PsaTruth, companyId: number, productIdentifier: string): number {
  const company = truth.companies.find((c) => c.id === companyId);
  return (company?.agreements ?? [])
    .filter((a) => !a.cancelled)
    .flatMap((a) => a.additions)
    .filter((x) => !x.cancelled && x.productIdentifier === productIdentifier)
    .reduce((n, x) => n + x.quantity, 0);
}

export function firstActiveLine(
  truth: PsaTruth,
  companyId: number,
  productIdentifier: string,
): { quantity: number } | undefined {
  const company = truth.companies.find((c) => c.id === companyId);
  return (company?.agreements ?? [])
    .filter((a) => !a.cancelled)
    .sort((a, b) => a.id - b.id)
    .flatMap((a) => [...a.additions].sort((x, y) => x.id - y.id))
    .find((x) => !x.cancelled && x.productIdentifier === productIdentifier);
}

// Every message of a stream, read with an ordered consumer (no durable left behind).
export async function readStream<T>(msp: Msp, key: StreamKey): Promise<T[]> {
  const name = streamName(msp.scope.busPrefix, key);
  const total = (await (await jetstreamManager(msp.nc)).streams.info(name)).state.messages;
  const consumer = await jetstream(msp.nc).consumers.get(name);
  const out: T[] = [];
  while (out.length < total) {
    const batch = await consumer.fetch({ max_messages: total - out.length, expires: 5_000 });
    for await (const m of batch) out.push(m.json<T>());
  }
  return out;
}
