import { Prng } from '@seatwise/duo-simulator/data/hash';

export interface Product {
  id: number;
  identifier: string;
  description: string;
  price: number;
  cost: number;
  category: string;
  // The Duo edition this SKU bills (Duo's billing/edition values), or null for unrelated products.
  duoEdition: string | null;
  lastUpdated: number;
}

// Duo SKUs by edition: ENTERPRISE = Essentials, PLATFORM = Advantage, BEYOND = Premier, PERSONAL = Free (Duo fact
// sheet). Identifiers are MSP-style part numbers; the names are what the consumer matches on.
const DUO_SKUS: readonly [string, string, string, number][] = [
  ['DUO-ESSENTIALS', 'Duo Essentials', 'ENTERPRISE', 3],
  ['DUO-ADVANTAGE', 'Duo Advantage', 'PLATFORM', 6],
  ['DUO-PREMIER', 'Duo Premier', 'BEYOND', 9],
  ['DUO-FREE', 'Duo Free', 'PERSONAL', 0],
];

const UNRELATED: readonly [string, string, string, number][] = [
  ['M365-BP', 'Microsoft 365 Business Premium', 'Licensing', 22],
  ['M365-BS', 'Microsoft 365 Business Standard', 'Licensing', 12.5],
  ['EDR-SENTINEL', 'Endpoint Detection & Response', 'Security', 7],
  ['BACKUP-M365', 'Cloud Backup for Microsoft 365', 'Backup', 3.5],
  ['MS-WORKSTATION', 'Managed Workstation', 'Managed Services', 45],
  ['MS-SERVER', 'Managed Server', 'Managed Services', 150],
  ['EMAIL-FILTER', 'Email Security Filtering', 'Security', 2.5],
  ['SAT-TRAINING', 'Security Awareness Training', 'Security', 3],
  ['DNS-FILTER', 'DNS Filtering', 'Security', 1.5],
  ['DUO-SETUP', 'MFA Onboarding (one-time)', 'Professional Services', 250],
];

function toProduct(
  prng: Prng,
  id: number,
  anchor: number,
  row: readonly [string, string, string, number],
  duo: boolean,
): Product {
  const [identifier, description, extra, price] = row;
  return {
    id,
    identifier,
    description,
    price,
    cost: Math.round(price * (0.55 + prng.next() * 0.2) * 100) / 100,
    category: duo ? 'Security' : extra,
    duoEdition: duo ? extra : null,
    lastUpdated: anchor - (30 + prng.int(700)) * 86_400_000 - prng.int(86_400) * 1000,
  };
}

// The catalog: Duo SKUs, built-in unrelated products, then `extra` generic ones. "DUO-SETUP" mentions MFA but is
// not a Duo seat SKU, so a matcher keyed on "Duo"/"MFA" words alone is caught out.
export function buildCatalog(seed: number, anchor: number, extra: number): Product[] {
  const prng = new Prng(seed);
  const rows = [...DUO_SKUS.map((r) => [r, true] as const), ...UNRELATED.map((r) => [r, false] as const)];
  for (let i = 0; i < extra; i++) {
    rows.push([[`HW-${String(1000 + i)}`, `Hardware Item ${String(i + 1)}`, 'Hardware', 20 + prng.int(900)], false]);
  }
  let id = 100;
  return rows.map(([row, duo]) => toProduct(prng, (id += 1 + prng.int(3)), anchor, row, duo));
}

export function duoProductFor(catalog: readonly Product[], edition: string): Product {
  const product = catalog.find((p) => p.duoEdition === edition) ?? catalog.find((p) => p.duoEdition !== null);
  if (!product) throw new Error('catalog has no Duo SKU');
  return product;
}
