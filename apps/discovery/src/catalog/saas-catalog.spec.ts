import { CUSTOM_APPS, SAAS_APPS } from '@seatwise/duo-simulator/data/catalog';
import { catalogProductSchema } from '@seatwise/shared/contracts/discovery-views';
import { CATALOG_ROWS } from './catalog-data';
import { exactKey } from '@seatwise/shared/text/exact-key';
import { normalizeName } from './normalize';
import { SaasCatalog } from './saas-catalog';

describe('SaaS catalog data', () => {
  const catalog = new SaasCatalog();

  it('has at least 150 well-formed products with unique ids, names and aliases', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(150);
    for (const product of catalog.products) {
      expect(catalogProductSchema.safeParse(product).success).toBe(true);
      expect(product.id).toMatch(/^[a-z0-9-]+$/);
      expect(product.name.trim()).toBe(product.name);
      expect(product.domain).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}(\/[a-z0-9/-]+)?$/);
    }
    const ids = CATALOG_ROWS.map((row) => row[0]);
    expect(new Set(ids).size).toBe(ids.length);
    const names = catalog.products.flatMap((p) => [p.name, ...p.aliases].map(exactKey));
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves no normalized name ambiguous between two products', () => {
    expect(catalog.ambiguousKeys()).toEqual([]);
  });
});

describe('normalizeName', () => {
  it.each([
    ['Salesforce - Production', 'salesforce'],
    ['Microsoft 365 (Entra ID)', 'microsoft365'],
    ['O365 SSO', 'o365'],
    ['Okta SSO SAML', 'okta'],
    ['Acme, Inc.', 'acme'],
    ['Jira & Confluence', 'jiraandconfluence'],
    ['  Zoom   Workplace ', 'zoomworkplace'],
    ['SSO', 'sso'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });
});

describe('SaasCatalog.match', () => {
  const catalog = new SaasCatalog();

  it('matches exact names first, then aliases, then normalized names', () => {
    expect(catalog.match('Slack')).toMatchObject({ productId: 'slack', method: 'exact' });
    expect(catalog.match('slack')).toMatchObject({ productId: 'slack', method: 'exact' });
    expect(catalog.match('Office 365')).toMatchObject({ productId: 'microsoft-365', method: 'alias' });
    expect(catalog.match('Slack SSO')).toMatchObject({ productId: 'slack', method: 'normalized' });
    expect(catalog.match('Salesforce - Production')).toMatchObject({
      productId: 'salesforce',
      productName: 'Salesforce',
      vendor: 'Salesforce',
    });
  });

  it('resolves every spelling the Duo simulator uses to one product per SaaS app', () => {
    for (const spellings of SAAS_APPS) {
      const products = new Set(spellings.map((name) => catalog.match(name)?.productId ?? `unmatched:${name}`));
      expect([...products]).toHaveLength(1);
      expect([...products][0]).not.toMatch(/^unmatched/);
    }
  });

  it('leaves internal applications unmatched', () => {
    for (const name of CUSTOM_APPS) expect(catalog.match(name)).toBeNull();
  });

  it('searches by name, vendor or alias', () => {
    expect(catalog.search('sfdc', 10).map((p) => p.id)).toEqual(['salesforce']);
    expect(catalog.search('atlassian', 50).length).toBeGreaterThan(3);
    expect(catalog.search(undefined, 5)).toHaveLength(5);
  });
});
