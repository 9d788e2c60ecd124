import { EventPublisher } from '@seatwise/shared/bus/publisher';
import { type BusCredentials, connectBus } from '@seatwise/shared/bus/connect';
import { inboxPrefix } from '@seatwise/shared/bus/permissions';
import { reconcileRpcs } from '@seatwise/shared/contracts/reconcile-rpcs';
import { reconciliationSummarySchema } from '@seatwise/shared/contracts/reconcile-views';
import { GatewayClient, GatewayError } from '@seatwise/stack/demo/gateway-client';
import { allPages, type SeatwiseApi } from '@seatwise/stack/demo/seatwise-api';
import { waitFor } from '@seatwise/testing/wait';
import {
  accountSnapshot,
  BENCH_PRODUCT,
  BENCH_SKU,
  type BenchCustomer,
  IMPORT_MAX_BYTES,
  psaImportBody,
} from './bench-world';

// The gateway's JSON import route (apps/gateway psa.resource.ts IMPORT_PATH; apps never import apps).
const IMPORT_PATH = '/api/v1/psa/import';

type PsaImportBody = ReturnType<typeof psaImportBody>;

export interface SeedTarget {
  gatewayUrl: string;
  apiKey: string;
  natsUrl: string;
  // The connector's NATS credentials: only the connector may publish Duo events on the stack's bus.
  connectorCredentials: BusCredentials;
  busPrefix: string;
  api: SeatwiseApi;
  say: (line: string) => void;
}

// The PSA side first, through the API: the import (companies, the product, agreement lines), then the SKU mapped
// to the product. Reconcile has no Duo account yet, so neither step recomputes anything.
export async function seedPsa(
  target: SeedTarget,
  customers: readonly BenchCustomer[],
  timeoutMs: number,
): Promise<void> {
  const connectionId = await importPsa(target, psaImportBody(customers), timeoutMs);
  const products = await allPages((cursor) => target.api.listProducts(BENCH_PRODUCT.name, cursor));
  const product = products.find((p) => p.connectionId === connectionId && p.identifier === BENCH_PRODUCT.identifier);
  if (!product) throw new Error(`the imported product ${BENCH_PRODUCT.identifier} is not listed`);
  await target.api.mapService(BENCH_SKU, product.id);
  target.say(`imported ${customers.length} companies into ${connectionId}; ${BENCH_SKU} mapped to ${product.name}`);
}

async function importPsa(target: SeedTarget, body: PsaImportBody, timeoutMs: number): Promise<string> {
  const bytes = Buffer.byteLength(JSON.stringify(body));
  if (bytes > IMPORT_MAX_BYTES) {
    throw new Error(
      `the import is ${bytes} bytes: reconcile gets it as one NATS message (at most ${IMPORT_MAX_BYTES})`,
    );
  }
  const http = new GatewayClient(target.gatewayUrl, target.apiKey);
  try {
    const imported = await http.post(IMPORT_PATH, body, reconcileRpcs['reconcile.psa.import'].response);
    if (imported.counts.companies !== body.companies.length) {
      throw new Error(`the import stored ${imported.counts.companies} companies, not ${body.companies.length}`);
    }
    return imported.connection.id;
  } catch (error) {
    if (!timedOut(error)) throw error;
  }
  // The gateway (or this client) stopped waiting, reconcile did not: the import is done once its connection has
  // a sync time (set after every record is stored).
  target.say(`the import of ${bytes} bytes outlasted the gateway's timeout; waiting for reconcile to finish it`);
  const connection = await waitFor(
    async () =>
      (await target.api.listPsaConnections()).items.find(
        (c) => c.kind === 'import' && c.name === body.name && c.lastSyncAt !== null,
      ),
    { timeoutMs, intervalMs: 5_000, description: 'reconcile to finish the PSA import' },
  );
  return connection.id;
}

function timedOut(error: unknown): boolean {
  if (error instanceof GatewayError) return error.status === 504;
  return error instanceof Error && error.name === 'TimeoutError';
}

// The Duo side: one account snapshot per customer on the stack's NATS, validated against the event contract
// and published with its msgID by the shared publisher, exactly as duo-connector does.
export async function publishSnapshots(target: SeedTarget, customers: readonly BenchCustomer[]): Promise<void> {
  const nc = await connectBus({
    url: target.natsUrl,
    name: 'console-bench',
    credentials: target.connectorCredentials,
    inboxPrefix: inboxPrefix('duo-connector'),
  });
  try {
    const observedAt = new Date();
    const publisher = new EventPublisher(nc, target.busPrefix);
    await publisher.publishAll(
      'duo.account.snapshot',
      customers.map((c) => accountSnapshot(c, observedAt)),
      { window: 256 },
    );
  } finally {
    await nc.close();
  }
  target.say(`published ${customers.length} Duo account snapshots`);
}

// Polls the (cheap) summary until reconcile has every row, then pages through the list itself.
export async function waitForRows(target: SeedTarget, rows: number, timeoutMs: number): Promise<void> {
  const http = new GatewayClient(target.gatewayUrl, target.apiKey);
  let reported = -1;
  await waitFor(
    async () => {
      const counted = await summaryRows(http);
      if (counted !== reported) target.say(`${counted} of ${rows} reconciliation rows`);
      reported = counted;
      if (counted < rows) return false;
      const listed = await allPages((cursor) => target.api.listReconciliation({ cursor }));
      if (listed.length !== rows) throw new Error(`GET /api/v1/reconciliation paged through ${listed.length} rows`);
      return true;
    },
    {
      timeoutMs,
      // The summary aggregates every row (a scan on FerretDB 1.24): asked rarely, it leaves the server to reconcile.
      intervalMs: 30_000,
      description: `${rows} reconciliation rows (BENCH_CONSOLE_SEED_TIMEOUT_MS; fewer BENCH_CONSOLE_ROWS seed faster)`,
    },
  );
}

async function summaryRows(http: GatewayClient): Promise<number> {
  try {
    return (await http.get('/api/v1/reconciliation/summary', reconciliationSummarySchema)).rows;
  } catch (error) {
    // Nothing is reconciled before the first account is mapped.
    if (error instanceof GatewayError && error.code === 'RECONCILE.NOT_READY') return 0;
    throw error;
  }
}

// Every account was mapped by reconcile itself, on its exact name: the bench creates no mapping by hand.
export async function checkAutoMapped(target: SeedTarget, customers: readonly BenchCustomer[]): Promise<number> {
  const mappings = await allPages((cursor) => target.api.listAccountMappings(cursor));
  const nameOf = new Map(customers.map((c) => [c.accountId, c.name]));
  const auto = mappings.filter(
    (m) => m.state === 'mapped' && m.source === 'auto' && m.psaCompanyName === nameOf.get(m.accountId),
  );
  if (auto.length !== customers.length) {
    throw new Error(`reconcile auto-mapped ${auto.length} of ${customers.length} accounts on their exact names`);
  }
  return auto.length;
}
