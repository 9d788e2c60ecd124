import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import { DUO_SKUS, SKU_OF_EDITION } from '@seatwise/shared/contracts/reconcile-views';
import type { DuoSimulator } from '@seatwise/duo-simulator/server';
import { billed, productIdentifierOf, type PsaTruth } from '../__e2e__/truths';

// The Duo simulator's own truth (in this process, so with every field: edition_exposed too).
export type DuoTruth = ReturnType<DuoSimulator['truth']>;

export interface RowQuantities {
  accountId: string;
  sku: string;
  vendorQuantity: number;
  psaQuantity: number;
  delta: number;
}

// Each paired account's own SKU (Duo seats against PSA billed) and every other SKU the PSA bills it for.
export function expectedRows(duo: DuoTruth, psa: PsaTruth): RowQuantities[] {
  const rows = psa.companies.flatMap((company) => {
    // An account whose edition Duo does not expose has only an `unmapped` row, which is not compared (as in e2e).
    const account = duo.accounts.find((a) => a.account_id === company.pairedDuoAccountId && a.edition_exposed);
    if (!account) return [];
    const own = SKU_OF_EDITION[account.edition as DuoEdition];
    return DUO_SKUS.flatMap((sku) => {
      const psaQuantity = billed(company, productIdentifierOf(sku));
      if (sku !== own && psaQuantity === 0) return [];
      const vendorQuantity = sku === own ? account.billable_seats : 0;
      return [{ accountId: account.account_id, sku, vendorQuantity, psaQuantity, delta: vendorQuantity - psaQuantity }];
    });
  });
  return sortRows(rows);
}

export function sortRows<T extends { accountId: string; sku: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => `${a.accountId}/${a.sku}`.localeCompare(`${b.accountId}/${b.sku}`));
}

// A ConnectWise request that changed billing: an addition PATCHed or POSTed, answered 2xx
// (apps/reconcile/src/__fixtures__/msp-fixture.ts counts them the same way).
export function isPsaWrite(r: { method: string; path: string; status: number }): boolean {
  return (
    r.status >= 200 &&
    r.status < 300 &&
    (r.method === 'PATCH' || r.method === 'POST') &&
    /\/finance\/agreements\/\d+\/additions/.test(r.path)
  );
}
