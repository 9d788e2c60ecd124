import type { AccountMapping, PsaCompany, PsaProduct, ServiceMapping } from './mapping-types';

// Records and answers as the gateway sends them, for this feature's specs.
export function account(overrides: Partial<AccountMapping> = {}): AccountMapping {
  return {
    accountId: 'DA-acme',
    accountName: 'Acme Holdings',
    billableSeats: 12,
    edition: 'ENTERPRISE',
    psaCompanyId: null,
    psaCompanyName: null,
    revision: 1,
    sku: 'Advantage',
    source: null,
    agreementId: null,
    state: 'unmapped',
    suggestions: [],
    updatedAt: '2026-11-30T10:00:00.000Z',
    ...overrides,
  };
}

export function company(overrides: Partial<PsaCompany> = {}): PsaCompany {
  return {
    id: 'cw-1-acme',
    connectionId: 'cw-1',
    externalId: '101',
    identifier: 'ACME',
    mappedAccountId: null,
    name: 'Acme Corp',
    ...overrides,
  };
}

export function service(overrides: Partial<ServiceMapping> = {}): ServiceMapping {
  return {
    sku: 'Advantage',
    editions: ['PLATFORM'],
    connectionId: null,
    productId: null,
    productName: null,
    revision: 1,
    state: 'unmapped',
    updatedAt: null,
    ...overrides,
  };
}

export function product(overrides: Partial<PsaProduct> = {}): PsaProduct {
  return {
    id: 'cw-1-p1',
    connectionId: 'cw-1',
    externalId: '501',
    identifier: 'DUO-ADV',
    mappedSku: null,
    name: 'MFA seat, mid tier',
    unitPrice: 6,
    ...overrides,
  };
}

export const ACCOUNTS: AccountMapping[] = [
  account({
    suggestions: [
      { psaCompanyId: 'cw-1-acme', name: 'Acme Corp', score: 0.91 },
      { psaCompanyId: 'cw-1-apex', name: 'Apex Ltd', score: 0.424 },
    ],
  }),
  account({ accountId: 'DA-globex', accountName: 'Globex Labs' }),
  account({
    accountId: 'DA-initech',
    accountName: 'Initech',
    state: 'mapped',
    source: 'auto',
    psaCompanyId: 'cw-1-initech',
    psaCompanyName: 'Initech LLC',
  }),
];

export const COMPANIES: PsaCompany[] = [
  company(),
  company({ id: 'cw-1-apex', externalId: '102', identifier: 'APEX', name: 'Apex Ltd' }),
  company({ id: 'cw-1-globex', externalId: '103', identifier: 'GLOBEX', name: 'Globex Corporation' }),
  company({
    id: 'cw-1-initech',
    externalId: '104',
    identifier: 'INITECH',
    name: 'Initech LLC',
    mappedAccountId: 'DA-initech',
  }),
];

export const SERVICES: ServiceMapping[] = [
  service({ sku: 'Essentials', editions: ['ENTERPRISE'] }),
  service(),
  service({ sku: 'Premier', editions: ['BEYOND'], state: 'excluded' }),
];

export const PRODUCTS: PsaProduct[] = [
  product(),
  product({ id: 'cw-1-p2', externalId: '502', identifier: 'DUO-ESS', name: 'MFA seat, basic tier' }),
  product({ id: 'cw-1-p3', externalId: '503', identifier: 'SUPPORT', name: 'Support hours' }),
];

function contains(value: string | null, q: string | null): boolean {
  return q === null || (value ?? '').toLowerCase().includes(q.toLowerCase());
}

// What these fixtures need of the specs' FakeGateway. Structural on purpose: importing src/testing from a
// non-spec file would make the folders depend on each other in a cycle (testing renders the whole app).
interface Answer {
  status?: number;
  body?: unknown;
}
interface Routes {
  on(key: string, answer: Answer | ((request: { query: URLSearchParams }) => Answer)): unknown;
}

// Lists answered as the gateway would: filtered by state (accounts) or by q (company names; product names and
// identifiers).
export function withMappingData<G extends Routes>(
  gateway: G,
  data: {
    accounts?: AccountMapping[];
    companies?: PsaCompany[];
    services?: ServiceMapping[];
    products?: PsaProduct[];
  } = {},
): G {
  const { accounts = ACCOUNTS, companies = COMPANIES, services = SERVICES, products = PRODUCTS } = data;
  const page = <T>(items: T[]) => ({ body: { items, nextCursor: null } });
  gateway.on('GET /api/v1/mappings/accounts', (r) => {
    const state = r.query.get('state');
    return page(accounts.filter((a) => state === null || a.state === state));
  });
  gateway.on('GET /api/v1/psa/companies', (r) => page(companies.filter((c) => contains(c.name, r.query.get('q')))));
  gateway.on('GET /api/v1/mappings/services', page(services));
  // The products route's q matches the product identifier too.
  gateway.on('GET /api/v1/psa/products', (r) => {
    const q = r.query.get('q');
    return page(products.filter((p) => contains(p.name, q) || (q !== null && contains(p.identifier, q))));
  });
  const accountsMapped = accounts.filter((a) => a.state === 'mapped').length;
  const servicesMapped = services.filter((x) => x.state === 'mapped').length;
  gateway.on('GET /api/v1/reconciliation/summary', { body: emptySummary(accountsMapped, servicesMapped) });
  // The layout's sync indicator.
  gateway.on('GET /api/v1/integrations', page([]));
  gateway.on('GET /api/v1/sync-runs', page([]));
  return gateway;
}

// A reconciliation summary without rows, with the readiness the mappings give.
export function emptySummary(accountsMapped: number, servicesMapped: number) {
  const types = { new_revenue: 0, under_billed: 0, over_billed: 0, no_change: 0, unmapped: 0 };
  return {
    rows: 0,
    byType: types,
    pendingByType: types,
    byState: { pending: 0, approved: 0, applied: 0, dismissed: 0, failed: 0 },
    mapped: { rows: 0, vendorQuantity: 0, psaQuantity: 0 },
    readiness: { ready: accountsMapped > 0 && servicesMapped > 0, accountsMapped, servicesMapped },
    money: { currency: null, mixedCurrencies: false, byType: types, pendingByType: types },
  };
}

// jsdom lays nothing out (every box is 0×0 at the origin), so dnd-kit could not tell drop targets apart.
// As a browser would, give each element its own box, one under the other in document order.
export function layOutInDocumentOrder(): () => void {
  const spy = jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    const top = Array.prototype.indexOf.call(document.body.getElementsByTagName('*'), this) * 30;
    return { x: 0, y: top, top, left: 0, width: 200, height: 20, right: 200, bottom: top + 20, toJSON: () => ({}) };
  });
  return () => {
    spy.mockRestore();
  };
}
