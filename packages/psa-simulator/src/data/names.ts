import type { Prng } from '@seatwise/duo-simulator/data/hash';

// Legal suffixes a PSA record often carries while the Duo account name does not (or the other way round).
const LEGAL_SUFFIXES = ['inc', 'llc', 'ltd', 'co', 'corporation', 'incorporated', 'gmbh', 'plc'];

// The canonical form "near" names share with their Duo name: case, punctuation, spacing and a trailing legal
// suffix are ignored. Tests and the consumer's matcher can use it to check what counts as "near".
export function normalizeCompanyName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 1 && LEGAL_SUFFIXES.includes(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

type Variant = (name: string) => string;

// Each variant changes the bytes but not the normalized form; several combine case with a suffix on purpose.
const VARIANTS: readonly Variant[] = [
  (n) => n.toUpperCase(),
  (n) => n.toLowerCase(),
  (n) => `${n} Inc.`,
  (n) => `${n}, LLC`,
  (n) => `${n}, Inc.`,
  (n) => `${n}.`,
  (n) => n.replace(/ /g, '-'),
  (n) => `${n.toUpperCase()} LTD`,
  (n) => `${n.toLowerCase()} inc`,
  (n) => n.replace(' ', ', '),
];

// A near-miss spelling of `name`: never identical to it, always the same once normalized.
export function nearVariant(prng: Prng, name: string, accept: (candidate: string) => boolean = () => true): string {
  const order = prng.shuffle([...VARIANTS.keys()]);
  for (const i of order) {
    const candidate = VARIANTS[i]?.(name) ?? name;
    if (candidate !== name && accept(candidate) && normalizeCompanyName(candidate) === normalizeCompanyName(name)) {
      return candidate;
    }
  }
  return `${name} Inc.`; // unreachable for real names; keeps the function total
}

// Case and runs of spaces ignored: what an exact-name matcher still takes for the same name.
const caseAndSpaceKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

// A near name an exact-name matcher does not take for the same one (more than case or spacing differs), so
// pairing them is a person's decision.
export function distinctNearVariant(prng: Prng, name: string): string {
  return nearVariant(prng, name, (candidate) => caseAndSpaceKey(candidate) !== caseAndSpaceKey(name));
}

// Names for PSA companies with no Duo account: a vocabulary disjoint from the Duo simulator's company words.
const EXTRA_FIRST = [
  'Northwind',
  'Blue Harbor',
  'Cedar Point',
  'Riverside',
  'Summit Peak',
  'Oakridge',
  'Silverline',
  'Maple Grove',
  'Redstone',
  'Clearwater',
  'Ironbridge',
  'Harborview',
  'Lakeshore',
  'Pinecrest',
  'Granite Falls',
  'Westbrook',
  'Eastgate',
  'Brightwater',
  'Stonefield',
  'Fairhaven',
];
const EXTRA_SECOND = [
  'Dental',
  'Law Partners',
  'Accounting',
  'Veterinary Clinic',
  'Realty',
  'Construction',
  'Family Practice',
  'Architects',
  'Insurance',
  'Manufacturing',
  'School District',
  'Credit Union',
];

export function extraCompanyName(prng: Prng, index: number): string {
  const first = EXTRA_FIRST[index % EXTRA_FIRST.length] ?? 'Northwind';
  const round = Math.floor(index / EXTRA_FIRST.length);
  return `${first} ${prng.pick(EXTRA_SECOND)}${round > 0 ? ` ${round + 1}` : ''}`;
}

// ConnectWise company identifiers are short keys without spaces (≤ 25 chars); collisions get a numeric tail.
export function companyIdentifier(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9]+/g, '').slice(0, 22) || 'Company';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
