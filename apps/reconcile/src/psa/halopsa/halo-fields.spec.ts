import {
  changedLine,
  envelopeOf,
  haloInvoiceSchema,
  haloItemSchema,
  haloLineSchema,
  invoiceUpdate,
  keptLine,
  newLine,
} from './halo-fields';

describe('Halo wire shapes', () => {
  it('reads an item with its base price and code', () => {
    expect(haloItemSchema.parse({ id: 3, name: 'Duo Advantage', code: 'DUO-ADV', baseprice: 6, extra: 1 })).toEqual({
      id: 3,
      name: 'Duo Advantage',
      code: 'DUO-ADV',
      price: 6,
    });
    expect(haloItemSchema.parse({ id: 3, name: 'X' })).toEqual({ id: 3, name: 'X', code: null, price: null });
  });

  it('reads a line by qty_order, rounding to whole seats, never below 0', () => {
    expect(haloLineSchema.parse({ id: 7, item_id: 3, qty_order: 4.6, unit_price: 6 })).toEqual({
      id: 7,
      itemId: 3,
      quantity: 5,
      unitPrice: 6,
    });
    expect(haloLineSchema.parse({ id: 7, item_id: 3, qty_order: -2 }).quantity).toBe(0);
    expect(haloLineSchema.safeParse({ id: 7, item_id: 3, quantity: 4 }).success).toBe(false);
  });

  it('reads an invoice, with lines only when it carries them', () => {
    const base = { id: 12, client_id: 250, reference: 'Managed', inactive: true, currency_code: 'EUR' };
    expect(haloInvoiceSchema.parse(base)).toEqual({
      id: 12,
      clientId: 250,
      name: 'Managed',
      inactive: true,
      currency: 'EUR',
      lines: null,
    });
    expect(haloInvoiceSchema.parse({ id: 12, client_id: 250, lines: [] })).toMatchObject({
      name: 'Recurring invoice 12',
      inactive: false,
      currency: null,
      lines: [],
    });
  });

  it('reads a list envelope or says it is not one', () => {
    expect(envelopeOf({ record_count: 2, clients: [1, 2] }, 'clients')).toEqual({ total: 2, items: [1, 2] });
    expect(envelopeOf({ clients: [] }, 'clients')).toEqual({ total: null, items: [] });
    expect(envelopeOf({ record_count: 2, items: [] }, 'clients')).toBeNull();
    expect(envelopeOf([1, 2], 'clients')).toBeNull();
  });

  it('posts the invoice by id with every line: kept, changed (with its start date) and new', () => {
    const line = { id: 7, itemId: 3, quantity: 4, unitPrice: 6 };
    expect(
      invoiceUpdate(12, [
        keptLine({ ...line, unitPrice: null }),
        changedLine(line, 9, '2026-02-01T00:00:00Z'),
        newLine(5, 2, null),
      ]),
    ).toEqual([
      {
        id: 12,
        lines: [
          { id: 7, item_id: 3, qty_order: 4 },
          { id: 7, item_id: 3, qty_order: 9, unit_price: 6, start_date: '2026-02-01T00:00:00Z' },
          { item_id: 5, qty_order: 2 },
        ],
      },
    ]);
  });
});
