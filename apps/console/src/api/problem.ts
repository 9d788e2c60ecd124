import type { ErrorCode } from '@seatwise/shared/errors/error-catalog';

// The gateway answers every error as RFC 9457 problem+json; the console shows its detail, never a blank page.
// Screens branch on the code, which the shared catalog declares (a code the catalog lacks does not compile).
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: { path: string; message: string }[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ProblemError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['status'] === 'number' && typeof candidate['code'] === 'string';
}

// Whatever came back (a problem document, a proxy's HTML page, nothing), as a ProblemError: an answer that is
// not a problem document came from something in front of the gateway.
export function toProblemError(body: unknown, response: Response): ProblemError {
  if (isProblem(body)) return new ProblemError(body);
  return new ProblemError({
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered ${response.status} ${response.statusText}`.trim(),
    code: 'COMMON.UPSTREAM_UNAVAILABLE',
  });
}

export function errorMessage(error: unknown): string {
  if (error instanceof ProblemError) {
    const fields = error.problem.errors?.map((e) => `${e.path}: ${e.message}`) ?? [];
    return [error.problem.detail, ...fields].join('\n');
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
