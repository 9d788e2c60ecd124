import type {
  PsaAdapter,
  PsaAdditionRecord,
  PsaAgreementRecord,
  PsaCompanyRecord,
  PsaProductRecord,
  PsaUsage,
  QuantityChange,
  QuantityResult,
} from '../psa-adapter';
import type { AtBudget } from './at-budget';
import { effectiveDay, eq, gte, toAddition, type Filter } from './at-lines';
import { ACTIVE, EVERY, RECURRING_SERVICE, type AtReader } from './at-reader';
import type { AtQuantityWriter } from './at-set-quantity';
import {
  atCompanySchema,
  atContractSchema,
  atContractServiceSchema,
  atCurrencySchema,
  atServiceSchema,
  type AtContract,
} from './at-schemas';

// Companies.companyType 1 = Customer: only customers are billed (fact sheet 3.2, as Gradient requires).
const CUSTOMER = 1;

const since = (field: string, at: string | null): Filter[] => (at === null ? [] : [gte(field, at)]);

// Autotask: customer Companies, Services (the catalog), Recurring Service Contracts and their ContractServices, with
// each line's quantity = its units in today's period (ContractServiceUnits). Quick syncs filter on each entity's
// modification time (>=, re-reading a record is harmless); ContractServices have none, so they are read whole.
export class AutotaskAdapter implements PsaAdapter {
  private currency: Promise<string | null> | null = null;

  constructor(
    private readonly reader: AtReader,
    private readonly writer: AtQuantityWriter,
    private readonly budget: AtBudget,
  ) {}

  async verify(): Promise<void> {
    await this.reader.count('Companies', [eq('companyType', CUSTOMER)]);
  }

  async companies(at: string | null): Promise<PsaCompanyRecord[]> {
    const filter = [eq('companyType', CUSTOMER), ...since('lastTrackedModifiedDateTime', at)];
    return (await this.reader.all('Companies', filter, atCompanySchema)).map((c) => ({
      externalId: String(c.id),
      identifier: c.companyNumber === '' ? null : (c.companyNumber ?? null),
      name: c.companyName,
      lastUpdated: c.lastTrackedModifiedDateTime ?? null,
    }));
  }

  // Services carry no SKU, so identifier is null; the name is what mapping matches on.
  async products(at: string | null): Promise<PsaProductRecord[]> {
    const filter = at === null ? [EVERY] : since('lastModifiedDate', at);
    return (await this.reader.all('Services', filter, atServiceSchema)).map((s) => ({
      externalId: String(s.id),
      identifier: null,
      name: s.name,
      unitPrice: s.unitPrice ?? null,
      lastUpdated: s.lastModifiedDate ?? null,
    }));
  }

  async agreements(at: string | null): Promise<PsaAgreementRecord[]> {
    const filter = [eq('contractType', RECURRING_SERVICE), ...since('lastModifiedDateTime', at)];
    const contracts = await this.reader.all('Contracts', filter, atContractSchema);
    const currency = contracts.length === 0 ? null : await this.internalCurrency();
    const today = effectiveDay(null, Date.now());
    return contracts.map((c) => ({
      externalId: String(c.id),
      companyExternalId: String(c.companyID),
      name: c.contractName ?? '',
      cancelled: !isActive(c, today),
      currency,
      lastUpdated: c.lastModifiedDateTime ?? null,
    }));
  }

  async additions(agreementExternalId: string, _since: string | null): Promise<PsaAdditionRecord[]> {
    const contractId = Number(agreementExternalId);
    const services = await this.reader.all('ContractServices', [eq('contractID', contractId)], atContractServiceSchema);
    if (services.length === 0) return [];
    const units = await this.reader.unitsOn(
      services.map((s) => s.id),
      effectiveDay(null, Date.now()),
    );
    return services.sort((a, b) => a.id - b.id).map((s) => toAddition(s, units.get(s.id) ?? null));
  }

  setQuantity(change: QuantityChange): Promise<QuantityResult> {
    return this.writer.setQuantity(change);
  }

  usage(): PsaUsage {
    return this.budget.usage();
  }

  // Autotask bills in the database's internal currency (Currencies.isInternalCurrency); read once.
  private internalCurrency(): Promise<string | null> {
    this.currency ??= this.reader
      .all('Currencies', [eq('isInternalCurrency', true)], atCurrencySchema)
      .then((rows) => rows[0]?.name ?? null)
      .catch((error: unknown) => {
        this.currency = null;
        throw error;
      });
    return this.currency;
  }
}

// Active: status active and not past its end date (an expired contract bills nothing).
function isActive(c: AtContract, today: string): boolean {
  return (
    c.status === ACTIVE &&
    (c.endDate === undefined || c.endDate === null || c.endDate.slice(0, 10) >= today.slice(0, 10))
  );
}
