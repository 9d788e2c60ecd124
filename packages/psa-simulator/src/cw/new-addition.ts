import type { NewLine } from '../data/mutations';
import { CwError, type FieldError } from '../errors';

const RESOURCE = 'agreementAddition';

// The body of POST /finance/agreements/{id}/additions as CW's Addition model requires it: `product` ({id}) and
// `billCustomer` required, `quantity`, `unitPrice`, `effectiveDate`, `description` optional. Every problem is
// reported at once (InvalidObject), and nothing is created on any.
export function newAddition(agreementId: number, body: unknown, productExists: (id: number) => boolean): NewLine {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw CwError.badRequest('The request body must be a JSON object.');
  }
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ code: 'InvalidField', message, resource: RESOURCE, field });
  };
  const productId = productIdOf(b['product']);
  if (productId === null) fail('product', 'product is required ({"id": n}).');
  else if (!productExists(productId)) fail('product', `Product ${productId} was not found.`);
  const quantity = b['quantity'] ?? 0;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) {
    fail('quantity', 'quantity must be a whole number of at least 0.');
  }
  const billCustomer = b['billCustomer'];
  if (billCustomer !== 'Billable' && billCustomer !== 'DoNotBill' && billCustomer !== 'NoCharge') {
    fail('billCustomer', 'billCustomer is required: Billable, DoNotBill or NoCharge.');
  }
  const unitPrice = b['unitPrice'];
  if (unitPrice !== undefined && (typeof unitPrice !== 'number' || !Number.isFinite(unitPrice))) {
    fail('unitPrice', 'unitPrice must be a number.');
  }
  const effective = b['effectiveDate'];
  if (effective !== undefined && (typeof effective !== 'string' || Number.isNaN(Date.parse(effective)))) {
    fail('effectiveDate', 'effectiveDate must be an ISO-8601 date.');
  }
  if (errors.length > 0) throw CwError.invalidObject(RESOURCE, errors);
  return {
    agreementId,
    productId: productId ?? 0,
    quantity: quantity as number,
    unitPrice: unitPrice as number | undefined,
    effectiveDate: typeof effective === 'string' ? Math.floor(Date.parse(effective) / 1000) * 1000 : Date.now(),
    billCustomer: billCustomer as NewLine['billCustomer'],
    description: typeof b['description'] === 'string' ? b['description'] : undefined,
  };
}

function productIdOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as Record<string, unknown>)['id'];
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}
