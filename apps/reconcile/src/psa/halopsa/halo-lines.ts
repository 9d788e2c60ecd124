import type { HaloInvoice, HaloLine } from './halo-fields';

export type InvoiceWithLines = HaloInvoice & { lines: HaloLine[] };

export interface PlacedLine {
  invoice: InvoiceWithLines;
  line: HaloLine;
}

// The client's lines of an item on its active invoices, first line first (invoice id, then line id). The client is
// checked here too: a Halo that ignored the client_id filter must not lead to another client's line.
export function linesOfItem(invoices: InvoiceWithLines[], clientId: number, itemId: number): PlacedLine[] {
  return invoices
    .filter((i) => i.clientId === clientId && !i.inactive)
    .sort((a, b) => a.id - b.id)
    .flatMap((invoice) =>
      [...invoice.lines]
        .filter((l) => l.itemId === itemId)
        .sort((a, b) => a.id - b.id)
        .map((line) => ({ invoice, line })),
    );
}

// Gradient's rule (as for ConnectWise): the first line takes what the others do not already bill, never below 0.
export function firstLineTarget(lines: PlacedLine[], quantity: number): { target: number; others: number } {
  const others = lines.slice(1).reduce((n, p) => n + p.line.quantity, 0);
  return { target: Math.max(0, quantity - others), others };
}
