import { AppError } from '@seatwise/shared/errors/app-error';
import type { QuantityChange, QuantityResult } from '../psa-adapter';
import { BudgetSpentError } from './at-budget';
import { validated, type AtHttp } from './at-http';
import { effectiveDay, eq, numericId, planQuantity, toAddition, type ActiveLine, type Line } from './at-lines';
import { ACTIVE, RECURRING_SERVICE, type AtReader } from './at-reader';
import { atContractSchema, atContractServiceSchema, atCreatedSchema, type AtContractService } from './at-schemas';

interface Target {
  companyId: number;
  serviceId: number;
  // The effective date, midnight UTC, as Autotask keeps it.
  day: string;
}

// What earlier attempts of one change learnt: the units before it, and the contract a missing service was sent
// to (so a create that took effect on an ambiguous failure is still reported as created).
interface Memo {
  previous: number | null;
  createdOn: number | null;
}

// Autotask units change only through a ContractServiceAdjustment (a relative unitChange from an effective date,
// create-only), which also adds a service the contract lacks. Every attempt reads the lines (and their units on
// the effective date) again and sends the difference to the target, so an adjustment that took effect before a
// failure is never sent twice: the next read sees it and the difference is 0.
export class AtQuantityWriter {
  constructor(
    private readonly http: AtHttp,
    private readonly reader: AtReader,
  ) {}

  async setQuantity(change: QuantityChange): Promise<QuantityResult> {
    const target: Target = {
      companyId: numericId(change.companyExternalId, 'Company'),
      serviceId: numericId(change.productExternalId, 'Service'),
      day: effectiveDay(change.effectiveDate, Date.now()),
    };
    const memo: Memo = { previous: null, createdOn: null };
    for (let attempt = 1; ; attempt++) {
      const lines = await this.reader.linesOf(target.companyId, target.serviceId, target.day);
      const active = lines.filter((l): l is ActiveLine => l.units !== null);
      try {
        if (active.length > 0) return await this.update(active, change.quantity, target, memo);
        return await this.add(lines, change, target, memo);
      } catch (error) {
        if (!isTransient(error) || attempt >= this.http.writeAttempts) throw error;
        await this.http.backoff(attempt);
      }
    }
  }

  private async update(active: ActiveLine[], quantity: number, t: Target, memo: Memo): Promise<QuantityResult> {
    const { first, others, target } = planQuantity(active, quantity);
    memo.previous ??= first.units;
    if (first.units !== target) await this.adjust(first.service.contractID, t.serviceId, target - first.units, t.day);
    await this.verify(first.service, target, t.day);
    return {
      agreementExternalId: String(first.service.contractID),
      addition: toAddition(first.service, target),
      previousQuantity: memo.previous,
      total: target + others,
      created: memo.createdOn === first.service.contractID,
    };
  }

  // New revenue: the chosen contract must be an active Recurring Service contract of the company. A contract
  // service there that no longer bills (its units ended) is billed again rather than added.
  private async add(lines: Line[], change: QuantityChange, t: Target, memo: Memo): Promise<QuantityResult> {
    const contractId = await this.contractToAddTo(change, t.companyId);
    if (!lines.some((l) => l.service.contractID === contractId)) memo.createdOn = contractId;
    memo.previous ??= 0;
    await this.adjust(contractId, t.serviceId, change.quantity, t.day);
    const services = await this.reader.all(
      'ContractServices',
      [eq('contractID', contractId), eq('serviceID', t.serviceId)],
      atContractServiceSchema,
    );
    const service = services.sort((a, b) => a.id - b.id)[0];
    if (!service) {
      throw new AppError(
        'RECONCILE.PSA_UPSTREAM_FAILED',
        `Autotask accepted the adjustment but contract ${contractId} has no service ${t.serviceId}`,
      );
    }
    await this.verify(service, change.quantity, t.day);
    return {
      agreementExternalId: String(contractId),
      addition: toAddition(service, change.quantity),
      previousQuantity: memo.previous,
      total: change.quantity,
      created: memo.createdOn === contractId,
    };
  }

  private async contractToAddTo(change: QuantityChange, companyId: number): Promise<number> {
    if (change.agreementExternalId === null) {
      throw new AppError(
        'RECONCILE.PSA_ADDITION_NOT_FOUND',
        `Company ${change.companyExternalId} has no billing service ${change.productExternalId} on an active Recurring Service contract, and no contract is chosen to add it to`,
      );
    }
    const id = numericId(change.agreementExternalId, 'Contract');
    const contract = await this.reader.item('Contracts', id, atContractSchema);
    const why =
      contract.companyID !== companyId
        ? `not a contract of company ${companyId}`
        : contract.status !== ACTIVE
          ? 'inactive'
          : contract.contractType !== RECURRING_SERVICE
            ? 'not a Recurring Service contract'
            : null;
    if (why !== null) {
      throw new AppError('RECONCILE.PSA_REQUEST_INVALID', `Contract ${id} is ${why}; nothing was added`);
    }
    return contract.id;
  }

  private async adjust(contractId: number, serviceId: number, unitChange: number, day: string): Promise<void> {
    const body = { contractID: contractId, serviceID: serviceId, unitChange, effectiveDate: day };
    const answer = await this.http.create('ContractServiceAdjustments', '/ContractServiceAdjustments', body);
    validated(atCreatedSchema, answer, 'created adjustment');
  }

  private async verify(service: AtContractService, expected: number, day: string): Promise<void> {
    const units = (await this.reader.unitsOn([service.id], day)).get(service.id) ?? null;
    if (units !== expected) {
      throw new AppError(
        'RECONCILE.PSA_UPSTREAM_FAILED',
        `Autotask reads back ${units ?? 'no'} units on contract service ${service.id} for ${day.slice(0, 10)}, expected ${expected}`,
      );
    }
  }
}

// Failures after which an adjustment may or may not have taken effect: read again, then decide. A spent budget is
// not one: no retry helps for a while.
function isTransient(error: unknown): boolean {
  return (
    error instanceof AppError &&
    !(error instanceof BudgetSpentError) &&
    (error.code === 'RECONCILE.PSA_UPSTREAM_FAILED' || error.code === 'RECONCILE.PSA_UNAVAILABLE')
  );
}
