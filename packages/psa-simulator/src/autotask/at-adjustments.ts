import { nextStamp, type Addition, type Agreement } from '../data/model';
import { addLine, WorldError } from '../data/mutations';
import { contractEnd, contractStart, dayOf } from './at-dates';
import { AtError } from './at-error';
import { dateMs, type Json } from './at-filter';
import type { AtCtx, AtReply } from './at-query';
import { seedLine, type AtState } from './at-state';
import { isoDay } from './at-units';

interface Adjustment {
  contractId: number;
  serviceId: number;
  unitChange: number;
  day: number;
  adjustedUnitPrice: number | undefined;
}

const wholeNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

// The create body: contractID, serviceID, unitChange (whole, may be negative) and effectiveDate required;
// adjustedUnitPrice optional. Every problem is reported at once and nothing is written on any.
function adjustmentOf(body: unknown): Adjustment {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw AtError.badRequest('The request body must be a ContractServiceAdjustment object.');
  }
  const b = body as Json;
  const errors: string[] = [];
  for (const field of ['contractID', 'serviceID', 'unitChange']) {
    if (!wholeNumber(b[field])) errors.push(`${field} is required and must be a whole number.`);
  }
  const effective = b['effectiveDate'];
  const ms = typeof effective === 'string' ? dateMs(effective) : NaN;
  if (Number.isNaN(ms)) errors.push('effectiveDate is required and must be a date.');
  const price = b['adjustedUnitPrice'] ?? undefined;
  if (price !== undefined && (typeof price !== 'number' || !Number.isFinite(price) || price < 0)) {
    errors.push('adjustedUnitPrice must be a number of at least 0.');
  }
  if (errors.length > 0) throw AtError.badRequest(...errors);
  return {
    contractId: b['contractID'] as number,
    serviceId: b['serviceID'] as number,
    unitChange: b['unitChange'] as number,
    day: dayOf(ms),
    adjustedUnitPrice: price as number | undefined,
  };
}

// Only an active Recurring Service contract takes adjustments, and only within its term.
function contractFor(state: AtState, adjustment: Adjustment): Agreement {
  const contract = state.world.agreementById.get(adjustment.contractId);
  if (!contract) {
    throw AtError.badRequest(
      `Contract ${adjustment.contractId} does not exist or is not a Recurring Service contract.`,
    );
  }
  if (contract.cancelled) throw AtError.badRequest(`Contract ${contract.id} is inactive.`);
  if (!state.world.productById.has(adjustment.serviceId)) {
    throw AtError.badRequest(`Service ${adjustment.serviceId} does not exist.`);
  }
  const [start, end] = [contractStart(contract), contractEnd(contract)];
  if (adjustment.day < start || adjustment.day > end) {
    throw AtError.badRequest(
      `effectiveDate ${isoDay(adjustment.day)} is outside contract ${contract.id}'s term (${isoDay(start)} to ${isoDay(end)}).`,
    );
  }
  return contract;
}

function lineOf(contract: Agreement, serviceId: number): Addition | undefined {
  return contract.additions.filter((x) => x.productId === serviceId).sort((a, b) => a.id - b.id)[0];
}

// A service the contract lacks is added through the world's addLine with the change as its units.
function addService(ctx: AtCtx, contract: Agreement, adjustment: Adjustment): Addition {
  if (adjustment.unitChange < 0) {
    throw AtError.badRequest(`unitChange ${adjustment.unitChange} would give a new contract service negative units.`);
  }
  try {
    const line = addLine(
      ctx.state.world,
      {
        agreementId: contract.id,
        productId: adjustment.serviceId,
        quantity: adjustment.unitChange,
        unitPrice: adjustment.adjustedUnitPrice,
        effectiveDate: adjustment.day,
      },
      ctx.now,
      ctx.member,
    );
    ctx.state.book.open(line.id, adjustment.day, contractEnd(contract), adjustment.unitChange);
    return line;
  } catch (error) {
    if (error instanceof WorldError) throw AtError.badRequest(error.message);
    throw error;
  }
}

// The world's line follows its units: quantity = what it bills from the newest adjustment on; a line whose units
// run to the contract's end again is no longer cancelled.
function adjustService(ctx: AtCtx, contract: Agreement, line: Addition, adjustment: Adjustment): void {
  const { book, world } = ctx.state;
  if (!book.has(line.id)) seedLine(book, contract, line);
  const end = contractEnd(contract);
  book.adjust(line.id, adjustment.day, adjustment.unitChange, end);
  const latest = book.latest(line.id);
  if (latest) {
    line.quantity = latest.units;
    if (latest.end >= end) line.cancelledDate = null;
  }
  if (adjustment.adjustedUnitPrice !== undefined) line.unitPrice = adjustment.adjustedUnitPrice;
  line.lastUpdated = nextStamp(world, ctx.now);
  line.updatedBy = ctx.member;
}

// POST /ContractServiceAdjustments → {itemId}: the only way units change (fact sheet 3.2).
export function createAdjustment(ctx: AtCtx): AtReply {
  const adjustment = adjustmentOf(ctx.body);
  const contract = contractFor(ctx.state, adjustment);
  const line = lineOf(contract, adjustment.serviceId);
  if (line) adjustService(ctx, contract, line, adjustment);
  else addService(ctx, contract, adjustment);
  return { body: { itemId: ctx.state.nextAdjustmentId++ } };
}
