import type { HaloLine } from './halo-fields';
import { firstLineTarget, type InvoiceWithLines, linesOfItem } from './halo-lines';

const line = (id: number, itemId: number, quantity: number): HaloLine => ({ id, itemId, quantity, unitPrice: null });
const invoice = (id: number, clientId: number, lines: HaloLine[], inactive = false): InvoiceWithLines => ({
  id,
  clientId,
  name: `I${id}`,
  inactive,
  currency: null,
  lines,
});

describe('linesOfItem', () => {
  it("orders the client's active lines of the item by invoice id, then line id", () => {
    const invoices = [
      invoice(30, 1, [line(5, 9, 1), line(2, 9, 2)]),
      invoice(20, 1, [line(8, 9, 3), line(9, 4, 50)]),
      invoice(10, 2, [line(1, 9, 4)]),
      invoice(5, 1, [line(3, 9, 5)], true),
    ];
    expect(linesOfItem(invoices, 1, 9).map((p) => [p.invoice.id, p.line.id])).toEqual([
      [20, 8],
      [30, 2],
      [30, 5],
    ]);
    expect(linesOfItem(invoices, 1, 7)).toEqual([]);
  });
});

describe('firstLineTarget', () => {
  it('gives the first line what the other lines do not bill, never below 0', () => {
    const placed = linesOfItem([invoice(1, 1, [line(1, 9, 10), line(2, 9, 3), line(3, 9, 4)])], 1, 9);
    expect(firstLineTarget(placed, 20)).toEqual({ target: 13, others: 7 });
    expect(firstLineTarget(placed, 5)).toEqual({ target: 0, others: 7 });
    expect(firstLineTarget(placed.slice(0, 1), 5)).toEqual({ target: 5, others: 0 });
  });
});
