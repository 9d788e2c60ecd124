import { AppError } from '@seatwise/shared/errors/app-error';
import type { z } from 'zod';
import type { AtHttp } from './at-http';
import { validated } from './at-http';
import { eq, gte, inChunks, lte, unitsOn, byContractThenId, type Filter, type Line } from './at-lines';
import {
  atContractSchema,
  atContractServiceSchema,
  atCountSchema,
  atItemSchema,
  atPageSchema,
  atUnitSchema,
} from './at-schemas';

// Contracts.contractType 7 = Recurring Service; Contracts.status 1 = active (fact sheet 3.2).
export const RECURRING_SERVICE = 7;
export const ACTIVE = 1;
// Autotask refuses a query without a filter; this one holds for every record.
export const EVERY = gte('id', 0);

// Reads of Autotask's query API: every page (following nextPageUrl to the end), long `in` lists split, each item
// validated.
export class AtReader {
  constructor(
    private readonly http: AtHttp,
    private readonly pageSize: number,
  ) {}

  async all<S extends z.ZodType>(entity: string, filter: Filter[], schema: S): Promise<z.output<S>[]> {
    const out: z.output<S>[] = [];
    let answer = await this.http.query(entity, `/${entity}/query`, { filter, MaxRecords: this.pageSize });
    const seen = new Set<string>();
    for (;;) {
      const page = validated(atPageSchema, answer, `${entity} page`);
      for (const [i, item] of page.items.entries()) out.push(validated(schema, item, `${entity} item ${i}`));
      const next = page.pageDetails.nextPageUrl ?? null;
      if (next === null || page.items.length === 0) return out;
      if (seen.has(next)) {
        throw new AppError('RECONCILE.PSA_UPSTREAM_FAILED', `Autotask handed out the ${entity} page URL ${next} twice`);
      }
      seen.add(next);
      answer = await this.http.getUrl(entity, next);
    }
  }

  // The same query for each chunk of `ids` (none: no query at all).
  async allIn<S extends z.ZodType>(
    entity: string,
    filter: Filter[],
    field: string,
    ids: readonly number[],
    schema: S,
  ): Promise<z.output<S>[]> {
    const out: z.output<S>[] = [];
    for (const chunk of inChunks(field, ids)) out.push(...(await this.all(entity, [...filter, chunk], schema)));
    return out;
  }

  async item<S extends z.ZodType>(entity: string, id: number, schema: S): Promise<z.output<S>> {
    const answer = validated(atItemSchema, await this.http.get(entity, `/${entity}/${id}`), `${entity} ${id}`);
    return validated(schema, answer.item, `${entity} ${id}`);
  }

  async count(entity: string, filter: Filter[]): Promise<number> {
    const answer = await this.http.query(entity, `/${entity}/query/count`, { filter });
    return validated(atCountSchema, answer, `${entity} count`).queryCount;
  }

  // The company's contract services of one service on its active Recurring Service contracts, with the units each
  // bills on `day`, ordered by contract id, then id.
  async linesOf(companyId: number, serviceId: number, day: string): Promise<Line[]> {
    const contracts = await this.all(
      'Contracts',
      [eq('companyID', companyId), eq('contractType', RECURRING_SERVICE), eq('status', ACTIVE)],
      atContractSchema,
    );
    const services = await this.allIn(
      'ContractServices',
      [eq('serviceID', serviceId)],
      'contractID',
      contracts.map((c) => c.id),
      atContractServiceSchema,
    );
    const units = await this.unitsOn(
      services.map((s) => s.id),
      day,
    );
    return services.map((service) => ({ service, units: units.get(service.id) ?? null })).sort(byContractThenId);
  }

  // Units by contract service on `day`, for the given contract services.
  async unitsOn(contractServiceIds: readonly number[], day: string): Promise<Map<number, number>> {
    const rows = await this.allIn(
      'ContractServiceUnits',
      [lte('startDate', day), gte('endDate', day)],
      'contractServiceID',
      contractServiceIds,
      atUnitSchema,
    );
    return unitsOn(rows, day);
  }
}
