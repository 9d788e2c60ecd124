// The key under which two names count as "exactly the same": Unicode compatibility forms folded (NFKC:
// full-width letters, ligatures, non-breaking spaces), case ignored, whitespace trimmed and inner runs
// of it collapsed. Nothing else: punctuation and suffixes still tell names apart. Used for exact-name
// auto-mapping (reconcile) and exact catalog matching (discovery), so both mean the same by "exact".
export function exactKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
