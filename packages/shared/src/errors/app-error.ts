import type { FieldIssue } from './field-issue';
import { type ErrorCode, isErrorCode } from './error-catalog';

// Shorthands for the codes every service raises; each is a key of the error catalog (error-catalog.ts),
// which declares its status and title.
export const ErrorCodes = {
  VALIDATION_FAILED: 'COMMON.VALIDATION_FAILED',
  NOT_FOUND: 'COMMON.NOT_FOUND',
  CONFLICT: 'COMMON.CONFLICT',
  UPSTREAM_UNAVAILABLE: 'COMMON.UPSTREAM_UNAVAILABLE',
  TIMEOUT: 'COMMON.TIMEOUT',
  INTERNAL: 'COMMON.INTERNAL',
  CONFIG_INVALID: 'CONFIG.INVALID',
  BUS_MALFORMED_EVENT: 'BUS.MALFORMED_EVENT',
  BUS_PUBLISH_FAILED: 'BUS.PUBLISH_FAILED',
  RPC_NO_HANDLER: 'RPC.NO_HANDLER',
} as const satisfies Record<string, ErrorCode>;

export interface AppErrorJson {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  toJSON(): AppErrorJson {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }

  // A coded error as it crosses the wire; a code outside the catalog is not one (another version's).
  static isAppErrorJson(value: unknown): value is AppErrorJson {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    return isErrorCode(v['code']) && typeof v['message'] === 'string';
  }
}

// The catalog code an audit record keeps for a refused attempt; anything that is not an AppError is recorded as
// internal (its message may carry upstream text, so only the code is ever written down).
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof AppError ? error.code : ErrorCodes.INTERNAL;
}
