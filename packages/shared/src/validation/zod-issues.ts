import type { z } from 'zod';
import type { FieldIssue } from '../errors/field-issue';

// Zod 4 says "Invalid input: expected string, received undefined" for a missing key; people reading
// logs and API errors understand "Required" faster, so missing values are reported that way.
export function describeIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.') || '(root)';
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  return { path, message: missing ? 'Required' : issue.message };
}

export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map(describeIssue);
}

// One line per issue, e.g. "record.user.key: Required".
export function formatIssues(error: z.ZodError): string {
  return describeIssues(error)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
}
