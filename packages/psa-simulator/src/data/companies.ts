import { hashString, mix, Prng } from '@seatwise/duo-simulator/data/hash';
import type { DuoPairing, ResolvedOptions } from '../options';
import { type CompanySpec, PlanError } from './company-spec';
import { DEMO_EXTRA_COMPANIES, demoCompanySpecs } from './demo-companies';
import { companyIdentifier, extraCompanyName, nearVariant } from './names';
import { duoAccounts, planPairing } from './pairing';

type PairedSpec = Omit<CompanySpec, 'identifier'>;

// Paired companies by the pairing's shares: exact and near names, a share of them billed the wrong quantity.
function sharedSpecs(o: ResolvedOptions, pairing: DuoPairing, prng: Prng): { specs: PairedSpec[]; extras: number } {
  const plan = planPairing(o.seed, pairing);
  const specs: PairedSpec[] = [];
  for (const i of [...plan.exact, ...plan.near]) {
    const duo = plan.accounts[i];
    if (!duo) continue;
    const near = plan.near.includes(i);
    specs.push({
      name: near ? nearVariant(prng, duo.name) : duo.name,
      pairing: near ? 'near' : 'exact',
      duo,
      duoLine: { kind: 'seats' },
    });
  }
  const mismatches = Math.round(specs.length * pairing.quantityMismatchShare);
  for (const i of prng.shuffle([...specs.keys()]).slice(0, mismatches)) {
    const spec = specs[i];
    if (spec) spec.duoLine = { kind: 'mismatch' };
  }
  return { specs, extras: plan.unmatched.length };
}

function pairedSpecs(o: ResolvedOptions, prng: Prng): { specs: PairedSpec[]; extras: number } {
  const pairing = o.duoPairing;
  if (!pairing) return { specs: [], extras: o.companies ?? 10 };
  const planned = pairing.demo
    ? { specs: demoCompanySpecs(prng, duoAccounts(pairing)), extras: DEMO_EXTRA_COMPANIES }
    : sharedSpecs(o, pairing, prng);
  if (o.companies !== undefined && o.companies < planned.specs.length) {
    throw new PlanError(
      `companies: ${o.companies} is fewer than the ${planned.specs.length} companies paired with Duo accounts`,
    );
  }
  return {
    specs: planned.specs,
    extras: o.companies === undefined ? planned.extras : o.companies - planned.specs.length,
  };
}

// Every company the world will hold, in id order: paired ones and unmatched extras interleaved by a seeded
// shuffle, so neither pairing kind clusters at one end of a page walk.
export function planCompanies(o: ResolvedOptions): CompanySpec[] {
  const prng = new Prng(mix(hashString(o.seed), 0xc0));
  const { specs, extras } = pairedSpecs(o, prng);
  for (let i = 0; i < extras; i++) {
    specs.push({ name: extraCompanyName(prng, i), pairing: 'none', duo: null, duoLine: { kind: 'unpaired' } });
  }
  const taken = new Set<string>();
  return prng.shuffle(specs).map((s) => ({ ...s, identifier: companyIdentifier(s.name, taken) }));
}
