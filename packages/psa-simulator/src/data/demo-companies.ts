import type { Prng } from '@seatwise/duo-simulator/data/hash';
import type { CompanySpec, DuoLine } from './company-spec';
import { distinctNearVariant } from './names';
import type { DuoAccount } from './pairing';

// The demo MSP's ConnectWise (option duoPairing.demo): every Duo account's company set up for one part of
// Seatwise's tour, so that reconciling them shows every kind of row, and the mapping screen has a decision left.
export type DemoRole =
  // Exact name, but its Duo line still bills the edition it was on before: new revenue on the current SKU,
  // over-billed on the old one.
  | 'edition_changed'
  | 'in_line'
  | 'under_billed'
  // A near name ("ACME-Labs, Inc."), left for a person to accept from the suggestions; billed too few seats.
  | 'near_name'
  | 'over_billed'
  // Exact name, Duo used but never billed: new revenue.
  | 'not_billed'
  // A Duo account the PSA does not know.
  | 'no_company'
  // The account whose edition Duo's billing API does not expose (the Duo simulator's demo picks it): mapped by its
  // exact name, its seats cannot be matched to a SKU, so its row stays unmapped. Not billed for Duo yet.
  | 'edition_hidden';

// Small demos take the roles from the front, so they still show as many row types as they can (the first
// one alone shows two); larger ones repeat the rest.
const FIRST: readonly DemoRole[] = ['edition_changed', 'in_line', 'under_billed', 'near_name'];
const THEN: readonly DemoRole[] = [
  'over_billed',
  'not_billed',
  'no_company',
  'near_name',
  'in_line',
  'under_billed',
  'edition_changed',
];

// PSA companies with no Duo account (names from a vocabulary of their own), besides the paired ones.
export const DEMO_EXTRA_COMPANIES = 2;

// The edition an account was on before it changed (an upgrade, or for Essentials a downgrade from Advantage).
const PREVIOUS_EDITION: Readonly<Record<string, string>> = {
  ENTERPRISE: 'PLATFORM',
  PLATFORM: 'ENTERPRISE',
  BEYOND: 'PLATFORM',
  PERSONAL: 'ENTERPRISE',
};

export function demoRoles(accounts: readonly DuoAccount[]): DemoRole[] {
  let next = 0;
  return accounts.map((account) => {
    if (!account.editionExposed) return 'edition_hidden';
    const i = next++;
    return FIRST[i] ?? THEN[(i - FIRST.length) % THEN.length] ?? 'in_line';
  });
}

const LINES: Record<Exclude<DemoRole, 'no_company' | 'edition_changed'>, DuoLine> = {
  in_line: { kind: 'seats' },
  under_billed: { kind: 'under' },
  near_name: { kind: 'under' },
  over_billed: { kind: 'over' },
  not_billed: { kind: 'none' },
  edition_hidden: { kind: 'none' },
};

// The paired companies of the demo, in Duo account order (planCompanies shuffles them with the extras).
export function demoCompanySpecs(prng: Prng, accounts: readonly DuoAccount[]): Omit<CompanySpec, 'identifier'>[] {
  const roles = demoRoles(accounts);
  return accounts.flatMap((duo, i) => {
    const role = roles[i] ?? 'in_line';
    if (role === 'no_company') return [];
    const duoLine: DuoLine =
      role === 'edition_changed'
        ? { kind: 'edition', edition: PREVIOUS_EDITION[duo.edition] ?? 'ENTERPRISE' }
        : LINES[role];
    const near = role === 'near_name';
    return [
      { name: near ? distinctNearVariant(prng, duo.name) : duo.name, pairing: near ? 'near' : 'exact', duo, duoLine },
    ];
  });
}
