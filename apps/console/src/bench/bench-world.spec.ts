import { duoAccountSnapshotEventSchema } from '@seatwise/shared/contracts/duo-events';
import { psaImportSchema } from '@seatwise/shared/contracts/reconcile-rpcs';
import { SKU_OF_EDITION } from '@seatwise/shared/contracts/reconcile-views';
import { exactKey } from '@seatwise/shared/text/exact-key';
import {
  accountSnapshot,
  BENCH_EDITION,
  BENCH_SKU,
  benchCustomers,
  IMPORT_MAX_BYTES,
  psaImportBody,
} from './bench-world';

const customers = benchCustomers(10_000);

describe('the bench world', () => {
  it('is an import the gateway and reconcile accept: unique ids, every line on a listed company and product', () => {
    const body = psaImportBody(customers);
    expect(psaImportSchema.safeParse({ ...body, actor: 'key:bench' }).error).toBeUndefined();
    const companies = new Set(body.companies.map((c) => c.id));
    const products = new Set(body.products.map((p) => p.id));
    expect(companies.size).toBe(10_000);
    expect(body.agreementLines.every((l) => companies.has(l.companyId) && products.has(l.productId))).toBe(true);
  });

  it('fits in one NATS message (1 MiB by default), as reconcile receives it', () => {
    expect(IMPORT_MAX_BYTES).toBeLessThan(1024 * 1024);
    expect(Buffer.byteLength(JSON.stringify(psaImportBody(customers)))).toBeLessThanOrEqual(IMPORT_MAX_BYTES);
  });

  it('publishes valid snapshots whose names each match exactly one company, so reconcile maps them itself', () => {
    const observedAt = new Date('2026-01-01T00:00:00Z');
    const snapshots = customers.map((c) => accountSnapshot(c, observedAt));
    expect(snapshots.filter((s) => !duoAccountSnapshotEventSchema.safeParse(s).success)).toEqual([]);
    const companyKeys = psaImportBody(customers).companies.map((c) => exactKey(c.name));
    expect(new Set(companyKeys).size).toBe(customers.length);
    expect(snapshots.map((s) => exactKey(s.name))).toEqual(companyKeys);
    expect(new Set(snapshots.map((s) => s.accountId)).size).toBe(customers.length);
    expect(SKU_OF_EDITION[BENCH_EDITION]).toBe(BENCH_SKU);
  });

  it('bills some customers as used, some under, some over and some not at all', () => {
    const kinds = new Set(
      customers.map((c) =>
        c.psaQuantity === 0 ? 'none' : c.psaQuantity === c.seats ? 'same' : c.psaQuantity < c.seats ? 'under' : 'over',
      ),
    );
    expect([...kinds].sort()).toEqual(['none', 'over', 'same', 'under']);
  });
});
