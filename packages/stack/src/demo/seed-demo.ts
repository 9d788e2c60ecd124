import { waitUntil } from '@seatwise/infra/wait';
import { setUpDemoAlerts } from './demo-alerts';
import { connectDuoMsp, connectRestrictedAdmin } from './demo-duo';
import { mapEverySku, mapExactNames, reportRows } from './demo-mappings';
import { allPages, SeatwiseApi } from './seatwise-api';
import { type DuoSimInfo, duoSimInfoSchema, fetchSimInfo, type PsaSimInfo, psaSimInfoSchema } from './sim-info';

export interface DemoTarget {
  gatewayUrl: string;
  adminApiKey: string;
  duoSimulatorUrl: string;
  psaSimulatorUrl: string;
  say: (line: string) => void;
}

const DEMO_PSA = 'Demo ConnectWise (PSA simulator)';
const READY_TIMEOUT_MS = 5 * 60_000;

// Configures Seatwise through its public API exactly as an MSP would: the Duo Accounts API integration (and a
// customer's own Admin API integration, which lacks a permission), the ConnectWise connection, exact-name account
// mappings, every Duo SKU's service mapping, and alert rules that email the stack's Mailpit. What the simulators' demo worlds hold makes every kind of
// reconciliation row appear, and leaves near names to decide. Safe to run again (a restarted stack): what exists
// already is left as it is.
export async function seedDemo(target: DemoTarget): Promise<void> {
  const api = new SeatwiseApi(target.gatewayUrl, target.adminApiKey);
  // First, so the alerts see the demo's events from the start.
  await setUpDemoAlerts(api, target.say);
  const duo = await fetchSimInfo(target.duoSimulatorUrl, duoSimInfoSchema);
  const psa = await fetchSimInfo(target.psaSimulatorUrl, psaSimInfoSchema);
  await connectDuoMsp(api, duo, target.duoSimulatorUrl, target.say);
  await connectRestrictedAdmin(api, duo, target.duoSimulatorUrl, target.say);
  const connectionId = await connectPsa(api, psa, target);
  await waitForAccountsAndCompanies(api, duo, connectionId, target.say);
  await mapExactNames(api, target.say);
  await mapEverySku(api, connectionId, target.say);
  await reportRows(api, target.say);
  target.say('demo ready: discovery and reconciliation keep filling up as the connector syncs');
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

// Every Duo child's first snapshot has reached reconcile (one account mapping each) and the PSA is synced.
async function waitForAccountsAndCompanies(
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
}
