import { Injectable } from '@nestjs/common';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { CatalogProduct } from '@seatwise/shared/contracts/discovery-views';
import { CATALOG_ROWS, type CatalogRow } from './catalog-data';
import { exactKey } from '@seatwise/shared/text/exact-key';
import { normalizeName } from './normalize';

// The built-in catalog and the automatic matching of discovered application names to it:
// exact product name, then exact alias, then normalized name or alias (all case-insensitive).
@Injectable()
export class SaasCatalog {
  readonly products: readonly CatalogProduct[];
  private readonly byId = new Map<string, CatalogProduct>();
  private readonly byName = new Map<string, CatalogProduct>();
  private readonly byAlias = new Map<string, CatalogProduct>();
  private readonly byNormalized = new Map<string, CatalogProduct | null>();

  constructor(rows: readonly CatalogRow[] = CATALOG_ROWS) {
    this.products = rows.map(([id, name, vendor, category, domain, aliases]) => ({
      id,
      name,
      vendor,
      category,
      domain,
      aliases: [...aliases],
    }));
    for (const product of this.products) {
      this.byId.set(product.id, product);
      this.byName.set(exactKey(product.name), product);
      for (const alias of product.aliases) this.byAlias.set(exactKey(alias), product);
    }
    for (const product of this.products) {
      for (const name of [product.name, ...product.aliases]) {
        const key = normalizeName(name);
        const known = this.byNormalized.get(key);
        // A normalized form two products share decides nothing (null): a person matches those.
        this.byNormalized.set(key, known === undefined || known?.id === product.id ? product : null);
      }
    }
  }

  get(productId: string): CatalogProduct | undefined {
    return this.byId.get(productId);
  }

  match(applicationName: string): CatalogMatch | null {
    const key = exactKey(applicationName);
    const exact = this.byName.get(key);
    if (exact) return toMatch(exact, 'exact');
    const alias = this.byAlias.get(key);
    if (alias) return toMatch(alias, 'alias');
    const normalized = this.byNormalized.get(normalizeName(applicationName));
    return normalized ? toMatch(normalized, 'normalized') : null;
  }

  // Names an ambiguous normalized form (for the catalog's own spec).
  ambiguousKeys(): string[] {
    return [...this.byNormalized].filter(([, product]) => product === null).map(([key]) => key);
  }

  search(q: string | undefined, limit: number): CatalogProduct[] {
    const needle = q?.toLowerCase();
    const hits = needle
      ? this.products.filter((p) =>
          [p.name, p.vendor, p.id, ...p.aliases].some((text) => text.toLowerCase().includes(needle)),
        )
      : this.products;
    return [...hits].sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);
  }
}

export function toMatch(product: CatalogProduct, method: CatalogMatch['method']): CatalogMatch {
  return {
    productId: product.id,
    productName: product.name,
    method,
    vendor: product.vendor,
    category: product.category,
    domain: product.domain,
  };
}
