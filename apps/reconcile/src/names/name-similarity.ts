// Account ↔ company name matching. Automatic mapping only ever uses exactKey (shared/text/exact-key: Gradient maps
// only exact names, because guessing wrong is worse than not guessing); similarity only ranks suggestions
// that a person accepts.

const LEGAL_SUFFIXES = new Set([
  'inc',
  'llc',
  'ltd',
  'co',
  'corp',
  'corporation',
  'incorporated',
  'company',
  'gmbh',
  'plc',
  'limited',
  'lp',
  'llp',
]);

// Case, punctuation, spacing and legal suffixes ("Inc.", ", LLC") ignored.
export function looseKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

// Sørensen–Dice over character bigrams of the loose keys: 1 for the same name modulo case, punctuation and legal
// suffix; tolerant of word order changes and small typos; 0 for nothing in common.
export function nameSimilarity(a: string, b: string): number {
  const [x, y] = [looseKey(a), looseKey(b)];
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  const [gx, gy] = [bigrams(x), bigrams(y)];
  let common = 0;
  let total = 0;
  for (const count of gx.values()) total += count;
  for (const [gram, count] of gy) {
    total += count;
    common += Math.min(count, gx.get(gram) ?? 0);
  }
  return Math.round(((2 * common) / total) * 1000) / 1000;
}

export interface Candidate {
  id: string;
  name: string;
}

// Suggestions below this score are noise (names that share only common letters).
const MIN_SUGGESTION_SCORE = 0.35;

export function rankCandidates(
  name: string,
  candidates: readonly Candidate[],
  top: number,
): (Candidate & { score: number })[] {
  return candidates
    .map((c) => ({ ...c, score: nameSimilarity(name, c.name) }))
    .filter((c) => c.score >= MIN_SUGGESTION_SCORE)
    .sort((p, q) => q.score - p.score || p.name.localeCompare(q.name) || p.id.localeCompare(q.id))
    .slice(0, top);
}
