import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { streamName } from '@seatwise/shared/bus/subjects';
import type { StreamKey } from '@seatwise/shared/contracts/streams';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import { startPsaSimulator, type PsaSimulator } from '@seatwise/psa-simulator/server';
import type { DuoAccountSnapshotEvent, DuoEdition } from '@seatwise/shared/contracts/duo-events';
import type { RpcRequest, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { type Reconcile, startReconcile, stopReconcile } from './reconcile-app';

export type PsaTruth = ReturnType<PsaSimulator['truth']>;
export type DuoTruthAccount = ReturnType<DuoSimulator['truth']>['accounts'][number];

export interface Msp extends Reconcile {
  duo: DuoSimulator;
  psa: PsaSimulator;
}

// A 20-account MSP: the Duo simulator and a PSA simulator paired with it (same seed, accounts and users).
export async function startMsp(seed: string, accounts: number): Promise<Msp> {
  const usersPerAccount = 30;
  const duo = await startDuoSimulator({ seed, accounts, usersPerAccount, events: 0, rateLimits: false });
  const psa = await startPsaSimulator({ seed, duoPairing: { seed, accounts, usersPerAccount }, rateLimits: false });
  const reconcile = await startReconcile({
    RECONCILE_PSA_RETRY_BASE_MS: '5',
    RECONCILE_PSA_MAX_ATTEMPTS: '8',
    RECONCILE_PSA_TIMEOUT_MS: '5000',
    RECONCILE_PSA_PAGE_SIZE: '10',
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
