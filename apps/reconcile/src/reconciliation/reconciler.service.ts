import { Injectable } from '@nestjs/common';
import { eachConcurrently } from '@seatwise/shared/async/each-concurrently';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { VendorAccountRepository } from '../vendor-accounts/vendor-account.repository';
import { DesiredRows } from './desired-rows';
import { ReconcileReadiness } from './readiness';
import { RowWriter } from './row-writer';
import { RowRepository } from './row.repository';

const ATTEMPTS = 5;
// Accounts recomputed at a time by recomputeAll: each waits on the database more than it computes.
const ACCOUNTS_AT_ONCE = 8;

// Recomputes an account's rows (an excluded account has none). One recompute per account at a time in this process;
// row writes are conditional on the revision read, so a recompute that raced another writer starts again from fresh
// state.
@Injectable()
export class Reconciler {
  private readonly serializer = new KeyedSerializer();

  constructor(
    private readonly readiness: ReconcileReadiness,
    private readonly vendors: VendorAccountRepository,
    private readonly rows: RowRepository,
    private readonly desired: DesiredRows,
    private readonly writer: RowWriter,
    private readonly mappings: AccountMappingRepository,
  ) {}

  async recomputeAll(): Promise<void> {
    if (!(await this.readiness.isReady())) return;
    await eachConcurrently(await this.vendors.allIds(), ACCOUNTS_AT_ONCE, (accountId) => this.recompute({ accountId }));
  }

  recompute(scope: { accountId: string }): Promise<void> {
    return this.serializer.run(scope.accountId, async () => {
      if (!(await this.readiness.isReady())) return;
      const vendor = await this.vendors.get(scope);
      if (!vendor) return;
      if ((await this.mappings.get(scope))?.state === 'excluded') {
        await this.rows.removeOfAccount(scope);
        return;
      }
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const existing = new Map((await this.rows.ofAccount(scope)).map((r) => [r._id, r]));
        let raced = false;
        for (const row of await this.desired.of(vendor, existing)) {
          raced = !(await this.writer.save(row, existing.get(row._id))) || raced;
        }
        if (!raced) return;
      }
    });
  }
}
