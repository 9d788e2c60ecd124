import { nextStamp, type Addition, type Agreement, type World } from './model';

export interface NewLine {
  agreementId: number;
  productId: number;
  quantity: number;
  // Defaults to the product's price.
  unitPrice?: number | undefined;
  effectiveDate: number;
  billCustomer?: Addition['billCustomer'] | undefined;
  description?: string | undefined;
}

export class WorldError extends Error {}

// Adds a line (a CW addition, an Autotask contract service, a Halo recurring-invoice line) to an active agreement
// of the world, stamped like every mutation; every dialect's "create" goes through here.
export function addLine(world: World, line: NewLine, now: number, by: string): Addition {
  const agreement = world.agreementById.get(line.agreementId);
  if (!agreement) throw new WorldError(`agreement ${line.agreementId} not found`);
  const product = world.productById.get(line.productId);
  if (!product) throw new WorldError(`product ${line.productId} not found`);
  if (agreement.cancelled) throw new WorldError(`agreement ${line.agreementId} is cancelled`);
  if (!Number.isInteger(line.quantity) || line.quantity < 0) {
    throw new WorldError(`quantity ${line.quantity} must be a whole number of at least 0`);
  }
  const stamp = nextStamp(world, now);
  const addition: Addition = {
    id: nextAdditionId(world),
    agreementId: agreement.id,
    productId: product.id,
    quantity: line.quantity,
    unitPrice: line.unitPrice ?? product.price,
    unitCost: product.cost,
    lessIncluded: 0,
    description: line.description ?? product.description,
    invoiceDescription: `${product.description} - monthly`,
    billCustomer: line.billCustomer ?? 'Billable',
    taxableFlag: false,
    effectiveDate: line.effectiveDate,
    cancelledDate: null,
    dateEntered: stamp,
    lastUpdated: stamp,
    updatedBy: by,
  };
  agreement.additions.push(addition);
  return addition;
}

function nextAdditionId(world: World): number {
  let max = 0;
  for (const agreement of world.agreements) for (const x of agreement.additions) max = Math.max(max, x.id);
  return max + 1;
}

export function activeAgreementsOf(world: World, companyId: number): Agreement[] {
  return world.agreements.filter((a) => a.companyId === companyId && !a.cancelled);
}
