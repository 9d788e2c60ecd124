import { hashString, mix, Prng } from '@seatwise/duo-simulator/data/hash';
import type { ResolvedOptions } from '../options';
import { seededBoards } from './boards';
import { planCompanies } from './companies';
import type { CompanySpec } from './company-spec';
import { DAY, type Addition, type Agreement, type Company, type Credentials, type World } from './model';
import { buildCatalog, duoProductFor, type Product } from './products';

interface Ids {
  agreement: number;
  addition: number;
}

const second = (ms: number): number => Math.floor(ms / 1000) * 1000;

// dateEntered some months or years before the anchor; lastUpdated between it and a day before the anchor.
function stamps(prng: Prng, anchor: number): { dateEntered: number; lastUpdated: number } {
  const dateEntered = second(anchor - (200 + prng.int(1300)) * DAY - prng.int(DAY));
  return { dateEntered, lastUpdated: second(dateEntered + prng.next() * (anchor - DAY - dateEntered)) };
}

function addition(
  prng: Prng,
  anchor: number,
  ids: Ids,
  agreementId: number,
  product: Product,
  quantity: number,
  cancelled: boolean,
): Addition {
  const { dateEntered, lastUpdated } = stamps(prng, anchor);
  return {
    id: (ids.addition += 1 + prng.int(4)),
    agreementId,
    productId: product.id,
    quantity,
    unitPrice: product.price,
    unitCost: product.cost,
    lessIncluded: 0,
    description: product.description,
    invoiceDescription: `${product.description} - monthly`,
    billCustomer: 'Billable',
    taxableFlag: false,
    effectiveDate: dateEntered,
    cancelledDate: cancelled ? second(lastUpdated - prng.int(30) * DAY) : null,
    dateEntered,
    lastUpdated,
    updatedBy: 'Admin1',
  };
}

// Editions a company with no Duo account may be billed for.
const UNPAIRED_EDITIONS = ['ENTERPRISE', 'PLATFORM', 'BEYOND'];

// The Duo addition of a company's active agreement, as its spec says (null: none). Draws for the plain kinds stay
// in the order they always had, so worlds of the same seed stay the same.
function duoLineOf(
  prng: Prng,
  spec: CompanySpec,
  catalog: readonly Product[],
): { product: Product; quantity: number } | null {
  const line = spec.duoLine;
  if (line.kind === 'unpaired') {
    if (!prng.chance(0.5)) return null;
    return { product: duoProductFor(catalog, prng.pick(UNPAIRED_EDITIONS)), quantity: 5 + prng.int(200) };
  }
  if (line.kind === 'none') return null;
  const seats = spec.duo?.billableSeats ?? 0;
  const product = duoProductFor(catalog, line.kind === 'edition' ? line.edition : (spec.duo?.edition ?? 'ENTERPRISE'));
  return { product, quantity: quantityOf(prng, line.kind, seats) };
}

function quantityOf(prng: Prng, kind: 'seats' | 'mismatch' | 'under' | 'over' | 'edition', seats: number): number {
  switch (kind) {
    case 'seats':
    case 'edition':
      return seats;
    case 'mismatch': {
      const delta = 1 + prng.int(10);
      return seats - delta >= 0 && prng.chance(0.5) ? seats - delta : seats + delta;
    }
    case 'under':
      return seats >= 2 ? seats - 1 - prng.int(Math.min(10, seats - 1)) : seats;
    case 'over':
      return seats + 1 + prng.int(10);
  }
}

function agreement(
  prng: Prng,
  anchor: number,
  ids: Ids,
  company: Company,
  name: string,
  cancelled: boolean,
): Agreement {
  const { dateEntered, lastUpdated } = stamps(prng, anchor);
  return {
    id: (ids.agreement += 1 + prng.int(3)),
    name,
    companyId: company.id,
    typeName: 'Managed Services',
    cancelled,
    startDate: dateEntered,
    dateEntered,
    lastUpdated,
    additions: [],
  };
}

// A company's agreements: an active managed-services agreement (its Duo addition when the company pays for Duo,
// plus unrelated lines, a few cancelled), and for some a cancelled legacy agreement that still lists a Duo line.
function agreementsFor(
  prng: Prng,
  anchor: number,
  ids: Ids,
  company: Company,
  spec: CompanySpec,
  catalog: Product[],
): Agreement[] {
  const main = agreement(prng, anchor, ids, company, `Managed Services - ${company.identifier}`, false);
  const unrelated = catalog.filter((p) => p.duoEdition === null);
  const duo = duoLineOf(prng, spec, catalog);
  if (duo) main.additions.push(addition(prng, anchor, ids, main.id, duo.product, duo.quantity, false));
  for (const product of prng.shuffle([...unrelated]).slice(0, 1 + prng.int(3))) {
    main.additions.push(addition(prng, anchor, ids, main.id, product, 1 + prng.int(120), prng.chance(0.15)));
  }
  if (!prng.chance(0.25)) return [main];
  const legacy = agreement(prng, anchor, ids, company, `Legacy Security Bundle - ${company.identifier}`, true);
  legacy.additions.push(
    addition(prng, anchor, ids, legacy.id, duoProductFor(catalog, 'ENTERPRISE'), 1 + prng.int(80), true),
  );
  return [main, legacy];
}

function credentials(o: ResolvedOptions, prng: Prng): Credentials {
  return {
    companyId: o.companyId ?? 'seatwise_sim',
    publicKey: o.publicKey ?? prng.id(16),
    privateKey: o.privateKey ?? prng.id(16),
    clientId: o.clientId ?? prng.uuid(),
  };
}

export function buildWorld(o: ResolvedOptions, anchor: number): World {
  const seed = hashString(o.seed);
  const catalog = buildCatalog(mix(seed, 1), anchor, o.products);
  const prng = new Prng(mix(seed, 2));
  const ids: Ids = { agreement: 10, addition: 1000 };
  let nextCompanyId = 249;
  const companies = planCompanies(o).map((spec) => {
    const company: Company = {
      id: (nextCompanyId += 1 + prng.int(2)),
      identifier: spec.identifier,
      name: spec.name,
      pairing: spec.pairing,
      pairedDuoAccountId: spec.duo?.id ?? null,
      duoBillableSeats: spec.duo?.billableSeats ?? null,
      ...stamps(prng, anchor),
      agreements: [],
    };
    company.agreements = agreementsFor(prng, anchor, ids, company, spec, catalog);
    return company;
  });
  const agreements = companies.flatMap((c) => c.agreements).sort((a, b) => a.id - b.id);
  const all = [...catalog, ...companies, ...agreements, ...agreements.flatMap((a) => a.additions)];
  return {
    companies,
    catalog,
    agreements,
    companyById: new Map(companies.map((c) => [c.id, c])),
    agreementById: new Map(agreements.map((a) => [a.id, a])),
    productById: new Map(catalog.map((p) => [p.id, p])),
    boards: seededBoards(),
    tickets: [],
    credentials: credentials(o, new Prng(mix(seed, 3))),
    currency: o.currency,
    newestStamp: all.reduce((max, r) => Math.max(max, r.lastUpdated), 0),
  };
}
