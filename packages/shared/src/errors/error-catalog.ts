// Every error code Seatwise raises, declared once: its HTTP status (what the gateway answers) and a
// short title (the problem+json `title`). `AppError.code` is typed against this table, so a code that
// is not declared here does not compile, and the gateway maps codes to statuses by lookup only.
// Codes are stable (`AREA.REASON`): callers branch on them, never on messages.

export interface ErrorSpec {
  readonly status: number;
  readonly title: string;
}

export const ERROR_CATALOG = {
  // Any service
  'COMMON.VALIDATION_FAILED': { status: 400, title: 'The request is invalid' },
  'COMMON.NOT_FOUND': { status: 404, title: 'Not found' },
  'COMMON.CONFLICT': { status: 409, title: 'Conflicts with existing data' },
  'COMMON.UPSTREAM_UNAVAILABLE': { status: 503, title: 'A service is not available' },
  // The caller's own deadline ran out waiting for a service.
  'COMMON.TIMEOUT': { status: 504, title: 'A service did not answer in time' },
  'COMMON.INTERNAL': { status: 500, title: 'Internal error' },
  'CONFIG.INVALID': { status: 500, title: 'Invalid configuration' },
  'BUS.MALFORMED_EVENT': { status: 500, title: 'Malformed event' },
  'BUS.PUBLISH_FAILED': { status: 503, title: 'An event could not be published' },
  // The service answers but does not know the pattern: it runs another version than its caller.
  'RPC.NO_HANDLER': { status: 502, title: 'No handler for this request' },
  'SECRETS.UNREADABLE': { status: 500, title: 'A stored secret cannot be read' },
  'SECRETS.KEY_MISSING': { status: 500, title: 'An encryption key is missing' },

  // Gateway edge
  'AUTH.UNAUTHORIZED': { status: 401, title: 'Authentication required' },
  'AUTH.FORBIDDEN': { status: 403, title: 'Not allowed for this role' },
  // The console's cookie session: missing, unknown, expired, signed out, or its API key revoked.
  'AUTH.SESSION_EXPIRED': { status: 401, title: 'Session expired' },
  // A change sent with the session cookie but without the session's X-CSRF-Token.
  'AUTH.CSRF_FAILED': { status: 403, title: 'CSRF token missing or wrong' },
  'HTTP.RATE_LIMITED': { status: 429, title: 'Too many requests' },
  'HTTP.PAYLOAD_TOO_LARGE': { status: 413, title: 'Request body too large' },
  'HTTP.UNSUPPORTED_MEDIA_TYPE': { status: 415, title: 'Unsupported media type' },
  'HTTP.MALFORMED_JSON': { status: 400, title: 'Malformed JSON body' },
  'HTTP.BAD_REQUEST': { status: 400, title: 'Unreadable request' },
  'HTTP.ROUTE_NOT_FOUND': { status: 404, title: 'No such route' },
  'HTTP.NOT_ACCEPTABLE': { status: 406, title: 'Not acceptable' },
  'HTTP.CORS_REJECTED': { status: 403, title: 'Origin not allowed' },
  // The service answered, but not with its contract (or failed without a coded error).
  'GATEWAY.UPSTREAM_FAILED': { status: 502, title: 'A service failed' },

  // Duo, reached through the connector. Refused credentials are the caller's to fix, not a gateway
  // failure (400); any other failure Duo answered is Duo's problem reached through us (502).
  'CONNECTOR.DUO_UNAUTHORIZED': { status: 400, title: 'Duo refused the credentials' },
  'CONNECTOR.DUO_FORBIDDEN': { status: 400, title: 'Duo refused a permission' },
  'CONNECTOR.DUO_RATE_LIMITED': { status: 503, title: 'Duo is rate limiting' },
  'CONNECTOR.DUO_BAD_REQUEST': { status: 502, title: 'Duo rejected a request' },
  'CONNECTOR.DUO_NOT_FOUND': { status: 502, title: 'Duo does not know a record' },
  'CONNECTOR.DUO_UNAVAILABLE': { status: 503, title: 'Duo is not available' },
  'CONNECTOR.DUO_MALFORMED_RESPONSE': { status: 502, title: 'Duo answered something unusable' },

  // Discovery curation
  'DISCOVERY.PRODUCT.NOT_FOUND': { status: 404, title: 'No such catalog product' },
  'DISCOVERY.MERGE.INVALID': { status: 400, title: 'These services cannot be merged' },
  'DISCOVERY.MERGE.INVALID_STATE': { status: 409, title: 'A service is not in a state to merge' },

  // Reconcile
  'RECONCILE.NOT_READY': { status: 409, title: 'Map an account and a service first' },
  'RECONCILE.ROW_NOT_FOUND': { status: 404, title: 'No such reconciliation row' },
  'RECONCILE.ROW_INVALID_STATE': { status: 409, title: 'The row is not in a state for this' },
  'RECONCILE.MAPPING_CONFLICT': { status: 409, title: 'Already mapped elsewhere' },
  'RECONCILE.MAPPING_INVALID_STATE': { status: 409, title: 'The mapping is not in a state for this' },
  'RECONCILE.ACCOUNT_NOT_FOUND': { status: 404, title: 'No such Duo account' },
  'RECONCILE.PSA_COMPANY_NOT_FOUND': { status: 404, title: 'No such PSA company' },
  'RECONCILE.PSA_PRODUCT_NOT_FOUND': { status: 404, title: 'No such PSA product' },
  'RECONCILE.CONNECTION_NOT_FOUND': { status: 404, title: 'No such PSA connection' },
  'RECONCILE.CONNECTION_CONFLICT': { status: 409, title: 'The PSA connection already exists' },
  'RECONCILE.CONNECTION_INVALID_STATE': { status: 409, title: 'The PSA connection is not in a state for this' },
  'RECONCILE.SYNC_RUN_NOT_FOUND': { status: 404, title: 'No such sync run' },
  // The PSA's own answers, reached through reconcile.
  'RECONCILE.PSA_UPSTREAM_FAILED': { status: 502, title: 'The PSA failed' },
  'RECONCILE.PSA_UNAVAILABLE': { status: 503, title: 'The PSA is not available' },
  'RECONCILE.PSA_CREDENTIALS_INVALID': { status: 400, title: 'The PSA refused the credentials' },
  'RECONCILE.PSA_RECORD_NOT_FOUND': { status: 404, title: 'The PSA does not know a record' },
  'RECONCILE.PSA_REQUEST_INVALID': { status: 400, title: 'The PSA rejected a request' },
  'RECONCILE.PSA_ADDITION_NOT_FOUND': { status: 404, title: 'No PSA addition bills this product' },
  'RECONCILE.PSA_AGREEMENT_INVALID': { status: 400, title: 'Not an active agreement of the mapped company' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const ERROR_CODES = Object.keys(ERROR_CATALOG) as readonly ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOG, value);
}

export function errorSpec(code: ErrorCode): ErrorSpec {
  return ERROR_CATALOG[code];
}
