import { Injectable } from '@nestjs/common';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { CatalogProduct } from '@seatwise/shared/contracts/discovery-views';
import { exactKey } from '@seatwise/shared/text/exact-key';
import { createHash } from 'node:crypto';
import { CATALOG_ROWS, type CatalogRow } from './catalog-data';
import { normalizeName } from './normalize';

// The built-in catalog, plus the custom products people added, and the automatic matching of
// discovered application names to it: exact product name, then exact alias, then normalized name or
// alias (all case-insensitive). Its version is the built-in rows' hash and the custom entries'
// revision: every automatic match records the version that made it.
@Injectable()
export class SaasCatalog {
  readonly builtIn: readonly CatalogProduct[];
  private readonly builtInVersion: string;
  private custom: readonly CatalogProduct[] = [];
  private customRevision = 0;
  private byId = new Map<string, CatalogProduct>();
  private byName = new Map<string, CatalogProduct>();
  private byAlias = new Map<string, CatalogProduct>();
  private byNormalized = new Map<string, CatalogProduct | null>();

  constructor(rows: readonly CatalogRow[] = CATALOG_ROWS) {
    this.builtIn = rows.map(([id, name, vendor, category, domain, aliases]) => ({
      id,
      name,
      vendor,
      category,
      domain,
      aliases: [...aliases],
      custom: false,
      vendorUrl: null,
    }));
    this.builtInVersion = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 12);
    this.index();
  }

  get products(): readonly CatalogProduct[] {
    return [...this.builtIn, ...this.custom];
  }

  // `<built-in hash>.<custom revision>`: changes with the code's rows and with every custom edit.
  get version(): string {
    return `${this.builtInVersion}.${this.customRevision}`;
  }

  // Replaces the custom products (as stored) and their revision.
  useCustom(products: readonly CatalogProduct[], revision: number): void {
    this.custom = products.map((p) => ({ ...p, custom: true }));
    this.customRevision = revision;
    this.index();
  }

  get(productId: string): CatalogProduct | undefined {
    return this.byId.get(productId);
  }

  match(applicationName: string): CatalogMatch | null {
    const key = exactKey(applicationName);
    const exact = this.byName.get(key);
    if (exact) return toMatch(exact, 'exact', this.version);
    const alias = this.byAlias.get(key);
    if (alias) return toMatch(alias, 'alias', this.version);
    const normalized = this.byNormalized.get(normalizeName(applicationName));
    return normalized ? toMatch(normalized, 'normalized', this.version) : null;
  }

  // The product that already holds a name or alias (exactly, case-insensitive), other than `exceptId`.
  holderOf(names: readonly string[], exceptId?: string): CatalogProduct | undefined {
    for (const name of names) {
      const key = exactKey(name);
      const holder = this.byName.get(key) ?? this.byAlias.get(key);
      if (holder && holder.id !== exceptId) return holder;
    }
    return undefined;
  }

  // Names an ambiguous normalized form (for the catalog's own spec).
  ambiguousKeys(): string[] {
    return [...this.byNormalized].filter(([, product]) => product === null).map(([key]) => key);
  }

  search(q: string | undefined, limit: number): CatalogProduct[] {
    const needle = q?.toLowerCase();
    const all = this.products;
    const hits = needle
      ? all.filter((p) => [p.name, p.vendor, p.id, ...p.aliases].some((text) => text.toLowerCase().includes(needle)))
      : all;
    return [...hits].sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);
  }

  private index(): void {
    this.byId = new Map();
    this.byName = new Map();
    this.byAlias = new Map();
    this.byNormalized = new Map();
    const products = this.products;
    for (const product of products) {
      this.byId.set(product.id, product);
      this.byName.set(exactKey(product.name), product);
      for (const alias of product.aliases) this.byAlias.set(exactKey(alias), product);
    }
    for (const product of products) {
      for (const name of [product.name, ...product.aliases]) {
        const key = normalizeName(name);
        const known = this.byNormalized.get(key);
        // A normalized form two products share decides nothing (null): a person matches those.
        this.byNormalized.set(key, known === undefined || known?.id === product.id ? product : null);
      }
    }
  }
}

export function toMatch(product: CatalogProduct, method: CatalogMatch['method'], catalogVersion: string): CatalogMatch {
  return {
    productId: product.id,
    productName: product.name,
    method,
    vendor: product.vendor,
    category: product.category,
    domain: product.domain,
    catalogVersion,
  };
}

// Whether a re-match would change what a service is matched to (the product, not the version stamp).
export function matchesDiffer(current: CatalogMatch | null, next: CatalogMatch | null): boolean {
  return (current?.productId ?? null) !== (next?.productId ?? null);
}
