import type { DuoAccountSnapshotEvent } from '@seatwise/shared/contracts/duo-events';
import type { PsaImportInput } from '@seatwise/shared/contracts/reconcile-rpcs';
import type { DuoSku } from '@seatwise/shared/contracts/reconcile-views';

// The MSP the bench reconciles: N customers, each a PSA company (JSON import) and a Duo account of the same name,
// so reconcile maps them on the exact name; every account is on Essentials, billed by one imported product.
export const BENCH_EDITION = 'ENTERPRISE' satisfies DuoAccountSnapshotEvent['edition'];
export const BENCH_SKU: DuoSku = 'Essentials';
export const BENCH_PRODUCT = { id: 'p1', name: 'Duo Essentials', identifier: 'DUO-ESSENTIALS' };
export const BENCH_INTEGRATION_ID = 'bench-duo-msp';

export interface BenchCustomer {
  name: string;
  companyId: string;
  accountId: string;
  seats: number;
  psaQuantity: number;
}

// Billed as used, under, over and not at all, in turn: the list shows every kind of mapped row.
function psaQuantityOf(index: number, seats: number): number {
  switch (index % 4) {
    case 0:
      return seats;
    case 1:
      return seats - 2;
    case 2:
      return seats + 3;
    default:
      return 0;
  }
}

// The import travels to reconcile as one NATS message, refused over nats-server's max_payload (1 MiB by default,
// which the stack keeps) whatever the gateway's body limit; the RPC envelope adds the actor and headers.
export const IMPORT_MAX_BYTES = 1024 * 1024 - 4 * 1024;

// Ids and names are short on purpose, for the import of 10,000 customers to stay under IMPORT_MAX_BYTES.
export function benchCustomers(count: number): BenchCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const seats = 5 + (i % 50);
    return {
      name: `Customer ${i + 1}`,
      companyId: `c${i + 1}`,
      accountId: `bench-account-${i + 1}`,
      seats,
      psaQuantity: psaQuantityOf(i, seats),
    };
  });
}

// The body of POST /api/v1/psa/import (the gateway adds the actor): a company, and a line on the one product,
// per customer.
export function psaImportBody(customers: readonly BenchCustomer[]): Omit<PsaImportInput, 'actor'> {
  return {
    name: 'Console bench (JSON import)',
    companies: customers.map((c) => ({ id: c.companyId, name: c.name })),
    products: [BENCH_PRODUCT],
    agreementLines: customers.map((c) => ({
      companyId: c.companyId,
      productId: BENCH_PRODUCT.id,
      quantity: c.psaQuantity,
    })),
  };
}

// What duo-connector publishes after a users snapshot of the account (AccountSnapshotService).
export function accountSnapshot(customer: BenchCustomer, observedAt: Date): DuoAccountSnapshotEvent {
  return {
    integrationId: BENCH_INTEGRATION_ID,
    accountId: customer.accountId,
    name: customer.name,
    edition: BENCH_EDITION,
    userCount: customer.seats + 1,
    pendingDeletionCount: 1,
    billableSeats: customer.seats,
    adminCount: 2,
    integrationCount: 3,
    observedAt: observedAt.toISOString(),
  };
}
