import { hashString, mix, Prng } from '@seatwise/duo-simulator/data/hash';
import type { ResolvedOptions } from '../options';
import { companyIdentifier, extraCompanyName, nearVariant } from './names';
import { planPairing, type DuoAccount, type PairingKind } from './pairing';

export interface CompanySpec {
  name: string;
  pairing: PairingKind;
  duo: DuoAccount | null;
  identifier: string;
  // Whether the Duo addition's quantity deliberately differs from the Duo billable seats.
  quantityMismatch: boolean;
}

// Thrown when options are individually valid but contradict each other.
export class PlanError extends Error {}

function pairedSpecs(o: ResolvedOptions, prng: Prng): { specs: Omit<CompanySpec, 'identifier'>[]; extras: number } {
  const pairing = o.duoPairing;
  if (!pairing) return { specs: [], extras: o.companies ?? 10 };
  const plan = planPairing(o.seed, pairing);
  const specs: Omit<CompanySpec, 'identifier'>[] = [];
  for (const i of [...plan.exact, ...plan.near]) {
    const duo = plan.accounts[i];
    if (!duo) continue;
    const near = plan.near.includes(i);
    specs.push({
      name: near ? nearVariant(prng, duo.name) : duo.name,
      pairing: near ? 'near' : 'exact',
      duo,
      quantityMismatch: false,
    });
  }
  const mismatches = Math.round(specs.length * pairing.quantityMismatchShare);
  for (const i of prng.shuffle([...specs.keys()]).slice(0, mismatches)) {
    const spec = specs[i];
    if (spec) spec.quantityMismatch = true;
  }
  if (o.companies !== undefined && o.companies < specs.length) {
    throw new PlanError(
      `companies: ${o.companies} is fewer than the ${specs.length} companies paired with Duo accounts`,
    );
  }
  return { specs, extras: o.companies === undefined ? plan.unmatched.length : o.companies - specs.length };
}

// Every company the world will hold, in id order: paired ones and unmatched extras interleaved by a seeded
// shuffle, so neither pairing kind clusters at one end of a page walk.
export function planCompanies(o: ResolvedOptions): CompanySpec[] {
  const prng = new Prng(mix(hashString(o.seed), 0xc0));
  const { specs, extras } = pairedSpecs(o, prng);
  for (let i = 0; i < extras; i++) {
    specs.push({ name: extraCompanyName(prng, i), pairing: 'none', duo: null, quantityMismatch: false });
  }
  const taken = new Set<string>();
  return prng.shuffle(specs).map((s) => ({ ...s, identifier: companyIdentifier(s.name, taken) }));
}
