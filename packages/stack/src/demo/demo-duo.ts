import { SeatwiseApi } from './seatwise-api';
import type { DuoSimInfo } from './sim-info';

const DEMO_INTEGRATION = 'Demo MSP (Duo simulator)';

// The MSP's Duo Accounts API integration: every child account is discovered through it.
export async function connectDuoMsp(
  api: SeatwiseApi,
  duo: DuoSimInfo,
  apiHostname: string,
  say: (line: string) => void,
): Promise<void> {
  const existing = (await api.listIntegrations()).items.find((i) => i.integrationKey === duo.accountsApi.ikey);
  if (existing) {
    say(`Duo integration "${existing.name}" already exists (${existing.syncStatus})`);
    return;
  }
  const { integration, validation } = await api.createIntegration({
    name: DEMO_INTEGRATION,
    kind: 'accounts',
    apiHostname,
    integrationKey: duo.accountsApi.ikey,
    secretKey: duo.accountsApi.skey,
  });
  if (!validation.ok) throw new Error(`the Duo simulator refused the demo integration: ${JSON.stringify(validation)}`);
  say(`connected Duo: integration ${integration.id}, ${validation.accountsFound} accounts`);
}

// A customer's own Admin API application, as an MSP adds one next to its Accounts API integration. The simulator
// created it without a permission, so Seatwise connects it but shows the warning (status error, the missing grant
// named) for the tour; it is not needed for anything else.
export async function connectRestrictedAdmin(
  api: SeatwiseApi,
  duo: DuoSimInfo,
  apiHostname: string,
  say: (line: string) => void,
): Promise<void> {
  const keys = duo.extraIntegrations.find((x) => x.type === 'admin');
  if (!keys) return;
  const existing = (await api.listIntegrations()).items.find((i) => i.integrationKey === keys.ikey);
  if (existing) {
    say(`Duo integration "${existing.name}" already exists (${existing.status})`);
    return;
  }
  const account = duo.accounts.find((a) => a.account_id === keys.account_id);
  const { integration, validation } = await api.createIntegration({
    name: `${account?.name ?? keys.account_id} (direct Admin API)`,
    kind: 'admin',
    apiHostname,
    integrationKey: keys.ikey,
    secretKey: keys.skey,
  });
  const warning = validation.error?.message ?? `missing Duo permissions: ${validation.missing.join(', ') || 'none'}`;
  say(`connected Duo "${integration.name}" with a warning to look at (${warning})`);
}
