import { DUO_SKUS } from '@seatwise/shared/contracts/reconcile-views';
import { waitFor } from '@seatwise/testing/wait';
import { productIdentifierOf, psaTruth } from '../__e2e__/truths';
import { allPages } from '../demo/seatwise-api';
import type { FaultSims } from './fault-sims';
import type { Gateways } from './gateways';

// The steps a user takes through the gateway's API (as e2e.integration-spec.ts takes them), written to be safe to
// repeat while replicas die: each reads the current state and changes only what is not done yet.

export async function createDuoIntegration(gw: Gateways, sims: FaultSims): Promise<string> {
  const { integration, validation } = await gw.call((api) =>
    api.createIntegration({
      name: 'MSP',
      kind: 'accounts',
      apiHostname: sims.duo.url,
      integrationKey: sims.duoInfo.accountsApi.ikey,
      secretKey: sims.duoInfo.accountsApi.skey,
    }),
  );
  if (!validation.ok) throw new Error(`the Duo integration did not validate: ${JSON.stringify(validation)}`);
  return integration.id;
}

export async function connectConnectWise(gw: Gateways, sims: FaultSims): Promise<string> {
  const connection = await gw.call((api) =>
    api.createPsaConnection({
      name: 'ConnectWise',
      kind: 'connectwise',
      siteUrl: sims.psa.url,
      companyId: sims.psaInfo.companyId,
      publicKey: sims.psaInfo.publicKey,
      privateKey: sims.psaInfo.privateKey,
      clientId: sims.psaInfo.clientId,
    }),
  );
  return connection.id;
}

// The connector has read everything: the integration and every account idle, every account's seats counted.
export async function connectorCaughtUp(gw: Gateways, integrationId: string, accounts: number): Promise<boolean> {
  const [current, listed] = await Promise.all([
    gw.call((api) => api.getIntegration(integrationId)),
    gw.call((api) => api.listAccounts()),
  ]);
  return (
    current.syncStatus === 'idle' &&
    listed.items.length === accounts &&
    listed.items.every((a) => a.syncStatus === 'idle' && a.seats !== null)
  );
}

// Every paired account mapped to its company (exact names are auto-mapped; the rest by hand), every Duo SKU to its
// product. Resolves once every account is in the mappings and every mapping is made.
export async function mapEverything(
  gw: Gateways,
  sims: FaultSims,
  connectionId: string,
  accounts: number,
  timeoutMs: number,
): Promise<void> {
  await waitFor(
    async () => (await gw.call((api) => api.listPsaConnections())).items.find((c) => c.id === connectionId)?.lastSyncAt,
    { timeoutMs, intervalMs: 1_000, description: 'the first PSA sync' },
  );
  let seen = 0;
  await waitFor(
    async () => {
      const all = await gw.call((api) => allPages((cursor) => api.listAccountMappings(cursor)));
      seen = all.length;
      return all.length === accounts ? all : null;
    },
    { timeoutMs, intervalMs: 1_000, description: 'every account in the mappings' },
  ).catch((error: unknown) => {
    throw new Error(`${accounts} accounts expected in the mappings, ${seen} there at the deadline`, { cause: error });
  });
  // A mapping call whose answer was lost (its gateway or reconcile replica killed) may have been made: the
  // mappings are read again until each paired account is mapped to its company.
  const paired = (await psaTruth(sims.psa.url)).companies.filter((c) => c.pairedDuoAccountId !== null);
  const companies = await gw.call((api) => allPages((cursor) => api.listPsaCompanies(connectionId, cursor)));
  await waitFor(
    async () => {
      const current = await gw.call((api) => allPages((cursor) => api.listAccountMappings(cursor)));
      let done = true;
      for (const company of paired) {
        const psaCompany = companies.find((c) => c.externalId === String(company.id));
        if (!psaCompany) throw new Error(`PSA company ${company.id} was not synced`);
        const mapping = current.find((m) => m.accountId === company.pairedDuoAccountId);
        if (mapping?.state === 'mapped' && mapping.psaCompanyId === psaCompany.id) continue;
        done = false;
        await gw.call((api) => api.mapAccount(company.pairedDuoAccountId ?? '', psaCompany.id));
      }
      return done;
    },
    { timeoutMs, intervalMs: 1_000, description: 'every paired account mapped to its company' },
  );
  // As the demo does (demo-mappings.ts): a SKU already mapped (reconcile maps by part number, or a call of ours whose
  // answer was lost made it) is left as it is.
  await waitFor(
    async () => {
      const services = (await gw.call((api) => api.listServiceMappings())).items;
      const unmapped = DUO_SKUS.filter(
        (sku) => (services.find((m) => m.sku === sku)?.state ?? 'unmapped') === 'unmapped',
      );
      if (unmapped.length === 0) return true;
      const products = await gw.call((api) => allPages((cursor) => api.listProducts(undefined, cursor)));
      for (const sku of unmapped) {
        const product = products.find((p) => p.identifier === productIdentifierOf(sku));
        if (!product) throw new Error(`no PSA product for Duo ${sku}`);
        await gw.call((api) => api.mapService(sku, product.id));
      }
      return false;
    },
    { timeoutMs, intervalMs: 1_000, description: 'every Duo SKU mapped to its PSA product' },
  );
}

// Approves the given rows until none of them is pending: an approval whose answer was lost (its gateway or
// reconcile replica killed) is approved again only if the row is still pending.
export async function approveAll(gw: Gateways, ids: readonly string[], timeoutMs: number): Promise<void> {
  await waitFor(
    async () => {
      const rows = await Promise.all(ids.map((id) => gw.call((api) => api.getReconciliationRow(id))));
      const pending = rows.filter((r) => r.state === 'pending').map((r) => r.id);
      if (pending.length === 0) return true;
      await gw.call((api) => api.approve(pending, 'fault run'));
      return false;
    },
    { timeoutMs, intervalMs: 1_000, description: 'every discrepancy approved' },
  );
}
