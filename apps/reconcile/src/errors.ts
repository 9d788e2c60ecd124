import { AppError } from '@seatwise/shared/errors/app-error';
import type { FieldIssue } from '@seatwise/shared/errors/field-issue';

// Reconcile's error codes; the suffix tells the gateway the HTTP status (see the brief / docs/events.md).
export const ReconcileErrors = {
  NOT_READY: 'RECONCILE.NOT_READY',
  ROW_NOT_FOUND: 'RECONCILE.ROW_NOT_FOUND',
  ROW_INVALID_STATE: 'RECONCILE.ROW_INVALID_STATE',
  MAPPING_CONFLICT: 'RECONCILE.MAPPING_CONFLICT',
  MAPPING_INVALID_STATE: 'RECONCILE.MAPPING_INVALID_STATE',
  ACCOUNT_NOT_FOUND: 'RECONCILE.ACCOUNT_NOT_FOUND',
  PSA_COMPANY_NOT_FOUND: 'RECONCILE.PSA_COMPANY_NOT_FOUND',
  PSA_PRODUCT_NOT_FOUND: 'RECONCILE.PSA_PRODUCT_NOT_FOUND',
  CONNECTION_NOT_FOUND: 'RECONCILE.CONNECTION_NOT_FOUND',
  CONNECTION_CONFLICT: 'RECONCILE.CONNECTION_CONFLICT',
  CONNECTION_INVALID_STATE: 'RECONCILE.CONNECTION_INVALID_STATE',
  SYNC_RUN_NOT_FOUND: 'RECONCILE.SYNC_RUN_NOT_FOUND',
  PSA_UPSTREAM_FAILED: 'RECONCILE.PSA_UPSTREAM_FAILED',
} as const;

export function fail(code: string, message: string, fields?: FieldIssue[]): AppError {
  return new AppError(code, message, fields);
}
