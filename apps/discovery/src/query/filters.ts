export const DAY_MS = 86_400_000;

type Condition = Record<string, unknown>;

// The filter of a list request: every condition it asks for (one not asked for is `false`).
export function allOf(conditions: readonly (Condition | false)[]): Condition {
  const kept = conditions.filter((c): c is Condition => c !== false);
  return kept.length > 0 ? { $and: kept } : {};
}
