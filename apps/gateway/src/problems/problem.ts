import type { Problem } from '@seatwise/shared/contracts/gateway-api';
import type { FieldIssue } from '@seatwise/shared/errors/field-issue';
import { STATUS_CODES } from 'node:http';

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

export function buildProblem(status: number, code: string, detail: string, fields?: FieldIssue[], instance?: string): Problem {
  return {
    type: `urn:seatwise:problem:${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(fields && fields.length > 0 ? { errors: fields } : {}),
    ...(instance ? { instance } : {}),
  };
}
