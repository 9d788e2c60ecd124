import type { z } from 'zod';

// How the simulators name bad input, in option errors and in /_sim's 400s: "path: message; path: message".
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(options)'}: ${issue.message}`)
    .join('; ');
}
