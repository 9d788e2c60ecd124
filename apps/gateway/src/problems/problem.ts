import type { Problem } from '@seatwise/shared/contracts/gateway-api';
import { type ErrorCode, errorSpec } from '@seatwise/shared/errors/error-catalog';
import type { FieldIssue } from '@seatwise/shared/errors/field-issue';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

// What the client reads when the real reason must stay inside (a 5xx's message names hosts, subjects, causes).
const GENERIC_DETAIL: Readonly<Record<number, string>> = {
  500: 'The request failed inside Seatwise. It was logged; try again or contact the operator.',
  502: 'A service behind the gateway answered with something it could not use.',
  503: 'A service behind the gateway is not available right now; try again shortly.',
  504: 'A service behind the gateway did not answer in time; try again shortly.',
};

export function genericDetail(status: number): string {
  return GENERIC_DETAIL[status] ?? GENERIC_DETAIL[500] ?? 'Internal error';
}

// Whether a message may be shown: client errors describe the client's request; server errors' messages
// are internal and are replaced by a generic detail.
export function isClientStatus(status: number): boolean {
  return status >= 400 && status < 500;
}

// The title is the code's, from the error catalog, so one code always reads the same.
export function buildProblem(
  status: number,
  code: ErrorCode,
  detail: string,
  fields?: FieldIssue[],
  instance?: string,
): Problem {
  return {
    type: `urn:seatwise:problem:${code}`,
    title: errorSpec(code).title,
    status,
    detail,
    code,
    ...(fields && fields.length > 0 ? { errors: fields } : {}),
    ...(instance ? { instance } : {}),
  };
}
