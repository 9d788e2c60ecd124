import type { FieldIssue } from '../validation/zod-issues';

// Stable, dotted error codes (`AREA.REASON`). Callers branch on the code, never on the message.
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
} as const;

export type KnownErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface AppErrorJson {
  code: string;
  message: string;
  fields?: FieldIssue[];
}

export class AppError extends Error {
  constructor(
    readonly code: string,
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

  static isAppErrorJson(value: unknown): value is AppErrorJson {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    return typeof v['code'] === 'string' && typeof v['message'] === 'string';
  }
}
