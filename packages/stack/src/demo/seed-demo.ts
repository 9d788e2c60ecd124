import { DUO_SKUS, type DuoSku } from '@seatwise/shared/contracts/reconcile-views';
import { waitUntil } from '@seatwise/infra/wait';
import { allPages, SeatwiseApi } from './seatwise-api';
import { type DuoSimInfo, duoSimInfoSchema, fetchSimInfo, type PsaSimInfo, psaSimInfoSchema } from './sim-info';

export interface DemoTarget {
  gatewayUrl: string;
  adminApiKey: string;
  duoSimulatorUrl: string;
  psaSimulatorUrl: string;
  say: (line: string) => void;
}

const DEMO_INTEGRATION = 'Demo MSP (Duo simulator)';
const DEMO_PSA = 'Demo ConnectWise (PSA simulator)';
const READY_TIMEOUT_MS = 5 * 60_000;

// Configures Seatwise through its public API exactly as an MSP would: the Duo Accounts API
// integration, the ConnectWise connection, exact-name account mappings and one service mapping.
// Safe to run again (a restarted stack): what exists already is left as it is.
export async function seedDemo(target: DemoTarget): Promise<void> {
  const api = new SeatwiseApi(target.gatewayUrl, target.adminApiKey);
  const duo = await fetchSimInfo(target.duoSimulatorUrl, duoSimInfoSchema);
  const psa = await fetchSimInfo(target.psaSimulatorUrl, psaSimInfoSchema);
  await connectDuo(api, duo, target);
  const connectionId = await connectPsa(api, psa, target);
  await mapAccountsAndService(api, duo, connectionId, target.say);
  target.say('demo ready: discovery and reconciliation keep filling up as the connector syncs');
}

async function connectDuo(api: SeatwiseApi, duo: DuoSimInfo, target: DemoTarget): Promise<void> {
  const existing = (await api.listIntegrations()).items.find((i) => i.integrationKey === duo.accountsApi.ikey);
  if (existing) {
    target.say(`Duo integration "${existing.name}" already exists (${existing.syncStatus})`);
    return;
  }
  const { integration, validation } = await api.createIntegration({
    name: DEMO_INTEGRATION,
    kind: 'accounts',
    apiHostname: target.duoSimulatorUrl,
    integrationKey: duo.accountsApi.ikey,
    secretKey: duo.accountsApi.skey,
  });
  if (!validation.ok) throw new Error(`the Duo simulator refused the demo integration: ${JSON.stringify(validation)}`);
  target.say(`connected Duo: integration ${integration.id}, ${validation.accountsFound} accounts`);
}

async function connectPsa(api: SeatwiseApi, psa: PsaSimInfo, target: DemoTarget): Promise<string> {
  const existing = (await api.listPsaConnections()).items.find(
    (c) => c.publicKey === psa.publicKey && c.companyId === psa.companyId,
  );
  if (existing) {
    target.say(`ConnectWise connection "${existing.name}" already exists (${existing.status})`);
    return existing.id;
  }
  const connection = await api.createPsaConnection({
    name: DEMO_PSA,
    kind: 'connectwise',
    siteUrl: target.psaSimulatorUrl,
    companyId: psa.companyId,
    publicKey: psa.publicKey,
    privateKey: psa.privateKey,
    clientId: psa.clientId,
  });
  target.say(`connected ConnectWise: connection ${connection.id} (${connection.status})`);
  return connection.id;
}

async function mapAccountsAndService(
  api: SeatwiseApi,
  duo: DuoSimInfo,
  connectionId: string,
  say: (line: string) => void,
): Promise<void> {
  say('waiting for the Duo accounts and the ConnectWise companies to arrive');
  await waitUntil(
    async () => {
      const [mappings, connections] = await Promise.all([
        allPages((c) => api.listAccountMappings(c)),
        api.listPsaConnections(),
      ]);
      const synced = connections.items.some((c) => c.id === connectionId && c.lastSyncAt !== null);
      return synced && mappings.length >= duo.accounts.length;
    },
    { timeoutMs: READY_TIMEOUT_MS, intervalMs: 2_000, what: 'the demo accounts and PSA companies' },
  );
  const mappings = await allPages((c) => api.listAccountMappings(c));
  // Exact-name matches a person would accept at a glance; near names stay for the tour to decide.
  for (const mapping of mappings.filter((m) => m.state === 'unmapped')) {
    const exact = mapping.suggestions.find((s) => s.name === mapping.accountName);
    if (!exact) continue;
    await api.mapAccount(mapping.accountId, exact.psaCompanyId);
    say(`mapped ${mapping.accountName} to its PSA company`);
  }
  const mapped = (await allPages((c) => api.listAccountMappings(c))).filter((m) => m.state === 'mapped');
  say(`${mapped.length} of ${mappings.length} accounts mapped to PSA companies`);
  await mapOneService(
    api,
    mapped.map((m) => m.sku),
    say,
  );
}

// The SKU most mapped accounts are on, mapped to the PSA product billing it.
async function mapOneService(api: SeatwiseApi, skus: (DuoSku | null)[], say: (line: string) => void): Promise<void> {
  const counts = new Map<DuoSku, number>();
  for (const sku of skus) if (sku) counts.set(sku, (counts.get(sku) ?? 0) + 1);
  // Ties go to the first SKU in Duo's edition order, so every run of the same demo maps the same one.
  const sku =
    [...counts.entries()].sort((a, b) => b[1] - a[1] || DUO_SKUS.indexOf(a[0]) - DUO_SKUS.indexOf(b[0]))[0]?.[0] ??
    DUO_SKUS[0];
  const current = (await api.listServiceMappings()).items.find((m) => m.sku === sku);
  if (current?.state === 'mapped') {
    say(`service ${sku} is already mapped to ${current.productName ?? current.productId ?? '?'}`);
    return;
  }
  const products = (await api.listProducts(`Duo ${sku}`)).items;
  const product = products.find((p) => p.identifier === `DUO-${sku.toUpperCase()}`) ?? products[0];
  if (!product) throw new Error(`no PSA product for Duo ${sku} found to map`);
  await api.mapService(sku, product.id);
  say(`mapped Duo ${sku} to PSA product "${product.name}"`);
}
