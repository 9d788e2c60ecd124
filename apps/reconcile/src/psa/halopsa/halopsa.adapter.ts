import { AppError } from '@seatwise/shared/errors/app-error';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';
import type { z } from 'zod';
import type {
  PsaAdapter,
  PsaAdditionRecord,
  PsaAgreementRecord,
  PsaCompanyRecord,
  PsaProductRecord,
  QuantityChange,
  QuantityResult,
} from '../psa-adapter';
import { isTransient, malformed } from './halo-failure';
import {
  changedLine,
  envelopeOf,
  HALO,
  haloClientSchema,
  haloInvoiceSchema,
  haloItemSchema,
  type HaloInvoice,
  type HaloLine,
  invoiceUpdate,
  keptLine,
  newLine,
} from './halo-fields';
import type { HaloHttp } from './halo-http';
import { firstLineTarget, type InvoiceWithLines, linesOfItem, type PlacedLine } from './halo-lines';

// HaloPSA: clients, items, recurring invoices (agreements) and their lines (additions), read page by page to the
// end. Halo attests no changed-since filter for these resources, so `since` is ignored and every read is full
// (records carry no lastUpdated, so the sync's watermarks stay empty and each sync is a full one).
export class HaloAdapter implements PsaAdapter {
  constructor(
    private readonly http: HaloHttp,
    private readonly pageSize: number,
  ) {}

  async verify(): Promise<void> {
    const query = { [HALO.paging.on]: 'true', [HALO.paging.size]: '1', [HALO.paging.number]: '1' };
    if (envelopeOf(await this.http.get(HALO.resource.client, query), HALO.envelope.client) === null) {
      throw malformed('client list', `expected {${HALO.paging.total}, ${HALO.envelope.client}: [...]}`);
    }
  }

  async companies(_since: string | null): Promise<PsaCompanyRecord[]> {
    const clients = await this.all(HALO.resource.client, HALO.envelope.client, haloClientSchema);
    return clients.map((c) => ({ externalId: String(c.id), identifier: null, name: c.name, lastUpdated: null }));
  }

  async products(_since: string | null): Promise<PsaProductRecord[]> {
    return (await this.all(HALO.resource.item, HALO.envelope.item, haloItemSchema)).map((i) => ({
      externalId: String(i.id),
      identifier: i.code,
      name: i.name,
      unitPrice: i.price,
      lastUpdated: null,
    }));
  }

  // Inactive invoices too (Halo leaves them out unless asked), so the sync learns they were cancelled.
  async agreements(_since: string | null): Promise<PsaAgreementRecord[]> {
    const query = { [HALO.filter.inactive]: 'true' };
    return (await this.all(HALO.resource.invoice, HALO.envelope.invoice, haloInvoiceSchema, query)).map((r) => ({
      externalId: String(r.id),
      companyExternalId: String(r.clientId),
      name: r.name,
      cancelled: r.inactive,
      currency: r.currency,
      lastUpdated: null,
    }));
  }

  async additions(agreementExternalId: string, _since: string | null): Promise<PsaAdditionRecord[]> {
    const invoice = await this.invoice(numericId(agreementExternalId, 'recurring invoice'));
    return invoice.lines.map((l) => toAddition(l, invoice.id));
  }

  // The first active line of the product (invoice id, then line id) is set so all lines add up, by POSTing its
  // invoice with that line changed, then read back. With no line, the product is added to the chosen invoice.
  // Lines are read again before every create, so a create that failed ambiguously (5xx, timeout) is never sent a
  // second time once it took effect.
  async setQuantity(change: QuantityChange): Promise<QuantityResult> {
    const clientId = numericId(change.companyExternalId, 'client');
    const itemId = numericId(change.productExternalId, 'item');
    for (let attempt = 1; ; attempt++) {
      const lines = linesOfItem(await this.clientInvoices(clientId), clientId, itemId);
      if (lines.length > 0) return this.updateFirst(lines, change);
      const invoice = await this.invoiceToAddTo(change, clientId);
      try {
        return await this.create(invoice, itemId, change);
      } catch (error) {
        if (!isTransient(error) || attempt >= this.http.writeAttempts) throw error;
        await this.http.backoff(attempt);
      }
    }
  }

  private async updateFirst(lines: PlacedLine[], change: QuantityChange): Promise<QuantityResult> {
    const [{ invoice, line }] = lines as [PlacedLine, ...PlacedLine[]];
    const { target, others } = firstLineTarget(lines, change.quantity);
    // Already right (a push repeated after a lost answer, or a no-change approval): nothing to write.
    if (line.quantity !== target || change.effectiveDate !== null) {
      const posted = invoice.lines.map((l) =>
        l.id === line.id ? changedLine(l, target, change.effectiveDate) : keptLine(l),
      );
      await this.http.postUpdate(HALO.resource.invoice, invoiceUpdate(invoice.id, posted));
    }
    return {
      agreementExternalId: String(invoice.id),
      addition: await this.readLine(invoice.id, line.id, target),
      previousQuantity: line.quantity,
      total: target + others,
      created: false,
    };
  }

  // The invoice a missing line goes on: it must be an active invoice of this very client.
  private async invoiceToAddTo(change: QuantityChange, clientId: number): Promise<InvoiceWithLines> {
    const id = change.agreementExternalId;
    if (id === null) {
      throw new AppError(
        'RECONCILE.PSA_ADDITION_NOT_FOUND',
        `Client ${clientId} has no line of item ${change.productExternalId} on an active recurring invoice, and no invoice is chosen to add it to`,
      );
    }
    const invoice = await this.invoice(numericId(id, 'recurring invoice'));
    if (invoice.clientId !== clientId || invoice.inactive) {
      const why = invoice.inactive ? 'inactive' : `not a recurring invoice of client ${clientId}`;
      throw new AppError('RECONCILE.PSA_REQUEST_INVALID', `Recurring invoice ${id} is ${why}; nothing was added`);
    }
    return invoice;
  }

  private async create(invoice: InvoiceWithLines, itemId: number, change: QuantityChange): Promise<QuantityResult> {
    const known = new Set(invoice.lines.map((l) => l.id));
    const posted = [...invoice.lines.map(keptLine), newLine(itemId, change.quantity, change.effectiveDate)];
    const answer = await this.http.postCreate(HALO.resource.invoice, invoiceUpdate(invoice.id, posted));
    const saved = savedInvoice(answer, invoice.id);
    const line = saved.lines?.find((l) => l.itemId === itemId && !known.has(l.id));
    if (!line) throw malformed('saved recurring invoice', `no new line of item ${itemId} on invoice ${invoice.id}`);
    return {
      agreementExternalId: String(invoice.id),
      addition: await this.readLine(invoice.id, line.id, change.quantity),
      previousQuantity: 0,
      total: change.quantity,
      created: true,
    };
  }

  private async readLine(invoiceId: number, lineId: number, expected: number): Promise<PsaAdditionRecord> {
    const line = (await this.invoice(invoiceId)).lines.find((l) => l.id === lineId);
    if (!line) throw malformed(`recurring invoice ${invoiceId}`, `line ${lineId} is missing after the change`);
    if (line.quantity !== expected) {
      throw new AppError(
        'RECONCILE.PSA_UPSTREAM_FAILED',
        `HaloPSA reads back quantity ${line.quantity} on line ${lineId} of recurring invoice ${invoiceId}, expected ${expected}`,
      );
    }
    return toAddition(line, invoiceId);
  }

  // One invoice with its lines (a single invoice always carries them).
  private async invoice(id: number): Promise<InvoiceWithLines> {
    return withLines(validated(haloInvoiceSchema, await this.http.get(`${HALO.resource.invoice}/${id}`), 'invoice'));
  }

  // The client's active invoices with their lines; one listed without lines (a Halo that ignored includelines) is
  // read on its own, so a missing line is never mistaken for no line.
  private async clientInvoices(clientId: number): Promise<InvoiceWithLines[]> {
    const query = { [HALO.filter.client]: String(clientId), [HALO.filter.lines]: 'true' };
    const listed = await this.all(HALO.resource.invoice, HALO.envelope.invoice, haloInvoiceSchema, query);
    const out: InvoiceWithLines[] = [];
    for (const invoice of listed.filter((i) => i.clientId === clientId && !i.inactive)) {
      out.push(invoice.lines === null ? await this.invoice(invoice.id) : { ...invoice, lines: invoice.lines });
    }
    return out;
  }

  // Every page: stops at record_count, at a short page, or when the answer ignored paging (more than a page).
  private async all<S extends z.ZodType>(
    path: string,
    key: string,
    schema: S,
    extra: Record<string, string> = {},
  ): Promise<z.output<S>[]> {
    const out: z.output<S>[] = [];
    for (let page = 1; ; page++) {
      const query = {
        ...extra,
        [HALO.paging.on]: 'true',
        [HALO.paging.size]: String(this.pageSize),
        [HALO.paging.number]: String(page),
      };
      const envelope = envelopeOf(await this.http.get(path, query), key);
      if (envelope === null) throw malformed(`${path} page ${page}`, `expected {${HALO.paging.total}, ${key}: [...]}`);
      for (const [i, item] of envelope.items.entries()) out.push(validated(schema, item, `${path} item ${i}`));
      const done = envelope.total !== null && out.length >= envelope.total;
      if (done || envelope.items.length !== this.pageSize) return out;
    }
  }
}

function toAddition(l: HaloLine, invoiceId: number): PsaAdditionRecord {
  return {
    externalId: String(l.id),
    agreementExternalId: String(invoiceId),
    productExternalId: String(l.itemId),
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    // Cancelled lines are not served as lines (README.md).
    cancelled: false,
    lastUpdated: null,
  };
}

// The answer to a POST: the saved invoice, or an array holding it.
function savedInvoice(answer: unknown, id: number): HaloInvoice {
  const candidates = Array.isArray(answer) ? (answer as unknown[]) : [answer];
  const saved = candidates.map((c) => haloInvoiceSchema.safeParse(c)).find((p) => p.success && p.data.id === id);
  if (!saved?.success) throw malformed('saved recurring invoice', `invoice ${id} is not in the answer`);
  return saved.data;
}

function withLines(invoice: HaloInvoice): InvoiceWithLines {
  if (invoice.lines === null) throw malformed(`recurring invoice ${invoice.id}`, `it has no ${HALO.invoice.lines}`);
  return { ...invoice, lines: invoice.lines };
}

function numericId(id: string, what: string): number {
  if (!/^\d{1,15}$/.test(id)) {
    throw new AppError('RECONCILE.PSA_REQUEST_INVALID', `${id} is not a HaloPSA ${what} id`);
  }
  return Number(id);
}

function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw malformed(what, formatIssues(parsed.error));
  return parsed.data;
}
