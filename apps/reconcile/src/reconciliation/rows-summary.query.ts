import { Injectable } from '@nestjs/common';
import { RECONCILIATION_STATES, RECONCILIATION_TYPES } from '@seatwise/shared/contracts/reconcile-events';
import type { ReconciliationSummary } from '@seatwise/shared/contracts/reconcile-views';
import { ReconcileReadiness, type Readiness } from './readiness';
import type { RowScope } from './row-list-query';
import { RowRepository, type TypeStateCount, type TypeStateMoney } from './row.repository';

// The review's overview: rows by type and state, and the seats of mapped rows. Zeros (not RECONCILE.NOT_READY)
// before anything is mapped, so an overview can always be drawn.
@Injectable()
export class RowsSummaryQuery {
  constructor(
    private readonly rows: RowRepository,
    private readonly readiness: ReconcileReadiness,
  ) {}

  async summary(scope: RowScope): Promise<ReconciliationSummary> {
    const [groups, vendorQuantity, psaQuantity, readiness, money] = await Promise.all([
      this.rows.countByTypeAndState(scope),
      this.rows.sumMapped(scope, 'vendorQuantity'),
      this.rows.sumMapped(scope, 'psaQuantity'),
      this.readiness.check(),
      this.rows.moneyByTypeAndState(scope),
    ]);
    return { ...summarize(groups, { vendorQuantity, psaQuantity }, readiness), money: moneyOf(money) };
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
