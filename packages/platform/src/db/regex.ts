// A user's search text as a literal inside a $regex: no operator injection, no catastrophic patterns.
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The filter for "contains this text, any case" on one field, or nothing for an empty search.
export function containsText(field: string, text: string | undefined): Record<string, unknown> {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? {} : { [field]: { $regex: escapeRegex(trimmed), $options: 'i' } };
}
