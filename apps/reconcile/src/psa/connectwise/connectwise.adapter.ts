import { AppError } from '@seatwise/shared/errors/app-error';
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
import { isTransient, malformed, validated } from './cw-answers';
import type { CwHttp } from './cw-http';
import {
  type CwAddition,
  cwAdditionSchema,
  cwAgreementSchema,
  cwCompanySchema,
  cwCountSchema,
  cwProductSchema,
} from './cw-schemas';

// ConnectWise Manage: companies, catalog, agreements and their additions, read page by page to the end; quick
// syncs use `lastUpdated>=[since]` (>=, as stamps have second precision and a change in the same second must
// not be missed; re-reading a record is harmless).
export class ConnectWiseAdapter implements PsaAdapter {
  constructor(
    private readonly http: CwHttp,
    private readonly pageSize: number,
  ) {}

  async verify(): Promise<void> {
    validated(cwCountSchema, await this.http.get('/company/companies/count'), 'company count');
  }

  async companies(since: string | null): Promise<PsaCompanyRecord[]> {
    return (await this.all('/company/companies', cwCompanySchema, since)).map((c) => ({
      externalId: String(c.id),
      identifier: c.identifier ?? null,
      name: c.name,
      lastUpdated: c._info?.lastUpdated ?? null,
    }));
  }

  async products(since: string | null): Promise<PsaProductRecord[]> {
    return (await this.all('/procurement/catalog', cwProductSchema, since)).map((p) => ({
      externalId: String(p.id),
      identifier: p.identifier ?? null,
      name: p.description ?? p.identifier ?? String(p.id),
      unitPrice: p.price ?? null,
      lastUpdated: p._info?.lastUpdated ?? null,
    }));
  }

  async agreements(since: string | null): Promise<PsaAgreementRecord[]> {
    return (await this.all('/finance/agreements', cwAgreementSchema, since)).map((a) => ({
      externalId: String(a.id),
      companyExternalId: String(a.company.id),
      name: a.name ?? '',
      cancelled: isCancelled(a),
      currency: a.currency?.currencyCode ?? null,
      lastUpdated: a._info?.lastUpdated ?? null,
    }));
  }

  async additions(agreementExternalId: string, since: string | null): Promise<PsaAdditionRecord[]> {
    const rows = await this.all(`/finance/agreements/${agreementExternalId}/additions`, cwAdditionSchema, since);
    return rows.map((x) => toAddition(x, agreementExternalId));
  }

  // Gradient's rule: lines of one product are summed, the update goes to the first line (lowest agreement, then
  // addition id). The first line is set so that all lines add up to the quantity, then read back. With no line, the
  // product is added to the chosen agreement. Lines are read again before every create, so a create that failed
  // ambiguously (5xx, timeout) is never sent a second time once it took effect.
  async setQuantity(change: QuantityChange): Promise<QuantityResult> {
    for (let attempt = 1; ; attempt++) {
      const lines = await this.activeLines(change.companyExternalId, change.productExternalId);
      if (lines.length > 0) return this.updateFirst(lines, change);
      const agreementId = await this.agreementToAddTo(change);
      try {
        return await this.create(agreementId, change);
      } catch (error) {
        if (!isTransient(error) || attempt >= this.http.writeAttempts) throw error;
        await this.http.backoff(attempt);
      }
    }
  }

  private async updateFirst(lines: PsaAdditionRecord[], change: QuantityChange): Promise<QuantityResult> {
    const [first, ...rest] = lines as [PsaAdditionRecord, ...PsaAdditionRecord[]];
    const others = rest.reduce((n, x) => n + x.quantity, 0);
    const target = Math.max(0, change.quantity - others);
    const path = `/finance/agreements/${first.agreementExternalId}/additions/${first.externalId}`;
    // Already right (a push repeated after a lost answer, or a no-change approval): nothing to write.
    if (first.quantity !== target || change.effectiveDate !== null) {
      const ops: unknown[] = [{ op: 'replace', path: 'quantity', value: target }];
      if (change.effectiveDate !== null) {
        ops.push({ op: 'replace', path: 'effectiveDate', value: change.effectiveDate });
      }
      await this.http.patch(path, ops);
    }
    const readBack = await this.readAddition(first.agreementExternalId, first.externalId, target);
    return {
      agreementExternalId: first.agreementExternalId,
      addition: readBack,
      previousQuantity: first.quantity,
      total: target + others,
      created: false,
    };
  }

  // The agreement a missing line goes on: it must be an active agreement of this very company.
  private async agreementToAddTo(change: QuantityChange): Promise<string> {
    const id = change.agreementExternalId;
    if (id === null) {
      throw new AppError(
        'RECONCILE.PSA_ADDITION_NOT_FOUND',
        `Company ${change.companyExternalId} has no active addition of product ${change.productExternalId} on an active agreement, and no agreement is chosen to add it to`,
      );
    }
    const agreement = validated(
      cwAgreementSchema,
      await this.http.get(`/finance/agreements/${Number(id)}`),
      'agreement',
    );
    if (String(agreement.company.id) !== change.companyExternalId || isCancelled(agreement)) {
      throw new AppError(
        'RECONCILE.PSA_REQUEST_INVALID',
        `Agreement ${id} is ${isCancelled(agreement) ? 'cancelled' : `not an agreement of company ${change.companyExternalId}`}; nothing was added`,
      );
    }
    return String(agreement.id);
  }

  private async create(agreementId: string, change: QuantityChange): Promise<QuantityResult> {
    const body = {
      product: { id: Number(change.productExternalId) },
      quantity: change.quantity,
      billCustomer: 'Billable',
      ...(change.effectiveDate === null ? {} : { effectiveDate: change.effectiveDate }),
    };
    const answer = validated(
      cwAdditionSchema,
      await this.http.post(`/finance/agreements/${agreementId}/additions`, body),
      'created addition',
    );
    const readBack = await this.readAddition(agreementId, String(answer.id), change.quantity);
    return {
      agreementExternalId: agreementId,
      addition: readBack,
      previousQuantity: 0,
      total: change.quantity,
      created: true,
    };
  }

  private async readAddition(agreementId: string, additionId: string, expected: number): Promise<PsaAdditionRecord> {
    const path = `/finance/agreements/${agreementId}/additions/${additionId}`;
    const readBack = toAddition(validated(cwAdditionSchema, await this.http.get(path), 'addition'), agreementId);
    if (readBack.quantity !== expected) {
      throw new AppError(
        'RECONCILE.PSA_UPSTREAM_FAILED',
        `ConnectWise reads back quantity ${readBack.quantity} on addition ${additionId}, expected ${expected}`,
      );
    }
    return readBack;
  }

  private async activeLines(companyExternalId: string, productExternalId: string): Promise<PsaAdditionRecord[]> {
    const agreements = await this.all(
      '/finance/agreements',
      cwAgreementSchema,
      null,
      `company/id=${Number(companyExternalId)} and cancelledFlag=false`,
    );
    const lines: PsaAdditionRecord[] = [];
    for (const agreement of agreements.sort((a, b) => a.id - b.id)) {
      const rows = await this.all(
        `/finance/agreements/${agreement.id}/additions`,
        cwAdditionSchema,
        null,
        `product/id=${Number(productExternalId)}`,
      );
      for (const x of rows.sort((a, b) => a.id - b.id)) {
        const line = toAddition(x, String(agreement.id));
        if (!line.cancelled) lines.push(line);
      }
    }
    return lines;
  }

  private async all<S extends z.ZodType>(
    path: string,
    schema: S,
    since: string | null,
    extra?: string,
  ): Promise<z.output<S>[]> {
    const conditions = [since === null ? null : `lastUpdated>=[${since}]`, extra ?? null]
      .filter((c): c is string => c !== null)
      .join(' and ');
    const out: z.output<S>[] = [];
    for (let page = 1; ; page++) {
      const query: Record<string, string> = {
        page: String(page),
        pageSize: String(this.pageSize),
        ...(conditions === '' ? {} : { conditions }),
      };
      const body = await this.http.get(path, query);
      if (!Array.isArray(body)) throw malformed(path, 'expected a JSON array');
      for (const [i, item] of body.entries()) out.push(validated(schema, item, `${path} item ${i}`));
      if (body.length < this.pageSize) return out;
    }
  }
}

function toAddition(x: CwAddition, agreementExternalId: string): PsaAdditionRecord {
  return {
    externalId: String(x.id),
    agreementExternalId,
    productExternalId: String(x.product.id),
    quantity: Math.max(0, Math.round(x.quantity)),
    unitPrice: x.unitPrice ?? null,
    cancelled: x.cancelledDate !== undefined && x.cancelledDate !== null,
    lastUpdated: x._info?.lastUpdated ?? null,
  };
}

function isCancelled(a: { cancelledFlag?: boolean | undefined; agreementStatus?: string | undefined }): boolean {
  return a.cancelledFlag === true || a.agreementStatus === 'Cancelled';
}
