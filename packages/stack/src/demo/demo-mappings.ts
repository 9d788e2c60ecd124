import { DUO_SKUS, type DuoSku } from '@seatwise/shared/contracts/reconcile-views';
import { GatewayError } from './gateway-client';
import { allPages, type SeatwiseApi } from './seatwise-api';

// Exact-name matches a person would accept at a glance (reconcile auto-maps most of them already); near names
// stay unmapped, with their suggestions, for the tour to decide.
export async function mapExactNames(api: SeatwiseApi, say: (line: string) => void): Promise<void> {
  const mappings = await allPages((c) => api.listAccountMappings(c));
  for (const mapping of mappings.filter((m) => m.state === 'unmapped')) {
    const exact = mapping.suggestions.find((s) => s.name === mapping.accountName);
    if (!exact) continue;
    await api.mapAccount(mapping.accountId, exact.psaCompanyId);
    say(`mapped ${mapping.accountName} to its PSA company`);
  }
  const after = await allPages((c) => api.listAccountMappings(c));
  say(`${after.filter((m) => m.state === 'mapped').length} of ${after.length} accounts mapped to PSA companies`);
  for (const waiting of after.filter((m) => m.state === 'unmapped' && m.suggestions.length > 0)) {
    const best = waiting.suggestions[0];
    say(
      `left for you to decide: ${waiting.accountName} ~ "${best?.name ?? '?'}" (suggested, score ${best?.score ?? 0})`,
    );
  }
}

// The PSA part number of a Duo SKU in the simulated catalog (DUO-ESSENTIALS, ...).
const identifierOf = (sku: DuoSku): string => `DUO-${sku.toUpperCase()}`;

// Every Duo SKU the PSA sells, mapped to its product, so each account's seats meet the line that bills them
// whatever its edition (and a line billing another edition than the account's shows up too).
export async function mapEverySku(api: SeatwiseApi, connectionId: string, say: (line: string) => void): Promise<void> {
  const services = (await api.listServiceMappings()).items;
  const products = (await allPages((c) => api.listProducts(undefined, c))).filter(
    (p) => p.connectionId === connectionId,
  );
  for (const sku of DUO_SKUS) {
    const current = services.find((m) => m.sku === sku);
    if (current && current.state !== 'unmapped') {
      say(`Duo ${sku} is already ${current.state}${current.productName ? ` (${current.productName})` : ''}`);
      continue;
    }
    const product =
      products.find((p) => p.identifier === identifierOf(sku)) ?? products.find((p) => p.name === `Duo ${sku}`);
    if (!product) {
      say(`no PSA product sells Duo ${sku}: left unmapped`);
      continue;
    }
    await api.mapService(sku, product.id);
    say(`mapped Duo ${sku} to PSA product "${product.name}"`);
  }
}

// What the review holds now, by row type (mapping a service recomputes every account before it answers).
export async function reportRows(api: SeatwiseApi, say: (line: string) => void): Promise<void> {
  const rows = await allPages((cursor) => api.listReconciliation({ cursor })).catch((error: unknown) => {
    // Nothing reconciled before an account and a service are mapped (a demo with no exact name).
    if (error instanceof GatewayError && error.code === 'RECONCILE.NOT_READY') return [];
    throw error;
  });
  const byType = new Map<string, number>();
  for (const row of rows) byType.set(row.type, (byType.get(row.type) ?? 0) + 1);
  const counts = [...byType].map(([type, n]) => `${n} ${type}`).join(', ');
  say(`reconciliation review: ${rows.length} rows${counts ? ` (${counts})` : ''}`);
}
