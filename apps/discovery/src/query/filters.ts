// User text becomes a literal, case-insensitive regex: no operator in it can widen or slow the query.
export function containsText(text: string): { $regex: string; $options: string } {
  return { $regex: text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), $options: 'i' };
}

export const DAY_MS = 86_400_000;
