import { Injectable } from '@nestjs/common';
import { RECONCILIATION_STATES, RECONCILIATION_TYPES } from '@seatwise/shared/contracts/reconcile-events';
import type { ReconciliationSummary } from '@seatwise/shared/contracts/reconcile-views';
import { ReconcileReadiness, type Readiness } from './readiness';
import type { RowScope } from './row-list-query';
import { RowRepository, type TypeStateCount, type TypeStateMoney } from './row.repository';
import { RowsVersionRepository } from './rows-version.repository';
import { VersionedMemo } from './versioned-memo';

interface Aggregates {
  groups: TypeStateCount[];
  vendorQuantity: number;
  psaQuantity: number;
  money: TypeStateMoney[];
}

// Scopes whose aggregates are kept (the whole review, and the accounts looked at most recently).
const KEPT_SCOPES = 500;

// The review's overview: rows by type and state, and the seats of mapped rows. Zeros (not RECONCILE.NOT_READY)
// before anything is mapped, so an overview can always be drawn.
//
// The aggregates read every row of the scope (four $group passes, kept apart because FerretDB 1.24 sums wrong
// beside another accumulator; at 10,000 rows on it, over 30 s when a console's refreshes piled up). They are kept
// per scope under the rows' version and computed again only once a row changed, one computation shared by every
// request that asks meanwhile. Readiness is read fresh each time: mappings move it, not rows.
@Injectable()
export class RowsSummaryQuery {
  private readonly aggregates = new VersionedMemo<Aggregates>(KEPT_SCOPES);

  constructor(
    private readonly rows: RowRepository,
    private readonly readiness: ReconcileReadiness,
    private readonly version: RowsVersionRepository,
  ) {}

  async summary(scope: RowScope): Promise<ReconciliationSummary> {
    const [aggregates, readiness] = await Promise.all([this.aggregatesOf(scope), this.readiness.check()]);
    const { groups, vendorQuantity, psaQuantity, money } = aggregates;
    return { ...summarize(groups, { vendorQuantity, psaQuantity }, readiness), money: moneyOf(money) };
  }

  // The version is read before the rows, so what is kept is at worst as old as the version it is kept under.
  private async aggregatesOf(scope: RowScope): Promise<Aggregates> {
    const version = await this.version.current();
    return this.aggregates.get(scope.accountId ?? '', version, async () => {
      const [groups, vendorQuantity, psaQuantity, money] = await Promise.all([
        this.rows.countByTypeAndState(scope),
        this.rows.sumMapped(scope, 'vendorQuantity'),
        this.rows.sumMapped(scope, 'psaQuantity'),
        this.rows.moneyByTypeAndState(scope),
      ]);
      return { groups, vendorQuantity, psaQuantity, money };
    });
  }
}

// Every type and state is present (0 when no row has it).
export function summarize(
  groups: readonly TypeStateCount[],
  sums: { vendorQuantity: number; psaQuantity: number },
  readiness: Readiness,
): Omit<ReconciliationSummary, 'money'> {
  const byType = zeros(RECONCILIATION_TYPES);
  const byState = zeros(RECONCILIATION_STATES);
  const pendingByType = zeros(RECONCILIATION_TYPES);
  let rows = 0;
  for (const { type, state, n } of groups) {
    rows += n;
    byType[type] += n;
    byState[state] += n;
    if (state === 'pending') pendingByType[type] += n;
  }
  return { rows, byType, byState, pendingByType, mapped: { rows: rows - byType.unmapped, ...sums }, readiness };
}

// Sums in one currency: the one most rows are priced in (mixed currencies are flagged, never added up).
export function moneyOf(groups: readonly TypeStateMoney[]): ReconciliationSummary['money'] {
  const currencies = [...new Set(groups.map((g) => g.currency))];
  const currency = currencies.find((c) => c !== null) ?? null;
  const byType = zeros(RECONCILIATION_TYPES);
  const pendingByType = zeros(RECONCILIATION_TYPES);
  for (const g of groups) {
    if (g.currency !== currency && g.currency !== null) continue;
    byType[g.type] = cents(byType[g.type] + g.amount);
    if (g.state === 'pending') pendingByType[g.type] = cents(pendingByType[g.type] + g.amount);
  }
  return { currency, mixedCurrencies: currencies.filter((c) => c !== null).length > 1, byType, pendingByType };
}

const cents = (n: number): number => Math.round(n * 100) / 100;

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}
