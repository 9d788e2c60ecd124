import { ProblemError } from '../../api/problem';

// A problem's field errors (paths like "body.integrationKey") by the form field they name, so each shows
// beside its input; errors of other fields stay in the problem's own message.
export function fieldErrors<F extends string>(error: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  if (!(error instanceof ProblemError)) return found;
  for (const issue of error.problem.errors ?? []) {
    const field = fields.find((f) => issue.path === f || issue.path === `body.${f}`);
    if (field !== undefined && found[field] === undefined) found[field] = issue.message;
  }
  return found;
}
