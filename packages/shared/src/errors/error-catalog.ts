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
  'SECRETS.SEALING_KEY_MISSING': { status: 503, title: 'A key to seal or open secrets on the bus is not configured' },

  // Gateway edge
  'AUTH.UNAUTHORIZED': { status: 401, title: 'Authentication required' },
  'AUTH.FORBIDDEN': { status: 403, title: 'Not allowed for this role' },
  'AUTH.LAST_ADMIN_KEY': { status: 409, title: 'The last admin key cannot be revoked' },
  // The console's cookie session: missing, unknown, expired, signed out, or its API key revoked.
  'AUTH.SESSION_EXPIRED': { status: 401, title: 'Session expired' },
  // A change sent with the session cookie but without the session's X-CSRF-Token.
  'AUTH.CSRF_FAILED': { status: 403, title: 'CSRF token missing or wrong' },
  'HTTP.RATE_LIMITED': { status: 429, title: 'Too many requests' },
  'HTTP.TOO_MANY_STREAMS': { status: 429, title: 'Too many event streams open for this API key' },
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
  'DISCOVERY.SERVICE.INVALID_STATE': { status: 409, title: 'The service is not in a state for this' },
  'DISCOVERY.CATALOG.CONFLICT': { status: 409, title: 'A catalog product already has this id, name or alias' },
  'DISCOVERY.CATALOG.BUILT_IN': { status: 409, title: 'Built-in catalog products cannot be edited' },
  'DISCOVERY.GROUP.NOT_FOUND': { status: 404, title: 'No such service across customers' },

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
  'RECONCILE.CONNECTION_SECRET_REQUIRED': {
    status: 400,
    title: 'Changing where or as whom a PSA connection signs in needs its secret again',
  },
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
  'RECONCILE.PUSH_LEASE_EXPIRED': { status: 409, title: "A push's lease on its row ran out before it was done" },
  // PSA service tickets (reconcile.tickets.*).
  'RECONCILE.TICKETS_UNSUPPORTED': { status: 409, title: 'This PSA connection cannot file tickets' },
  'RECONCILE.TICKET_ACCOUNT_NOT_MAPPED': { status: 409, title: 'The Duo account is not mapped to a PSA company' },
  'RECONCILE.TICKET_NO_CONNECTION': { status: 409, title: 'No PSA connection can file this ticket' },
  'RECONCILE.TICKET_CONNECTION_REQUIRED': { status: 400, title: 'Name the PSA connection' },
  'RECONCILE.TICKET_BOARD_NOT_FOUND': { status: 404, title: 'No such service board' },
  'RECONCILE.TICKET_BOARD_UNUSABLE': { status: 409, title: 'The board takes no service tickets' },
  'RECONCILE.TICKET_IN_PROGRESS': { status: 409, title: 'A ticket with this key is being filed' },
  'RECONCILE.TICKET_KEY_REUSED': { status: 409, title: 'The idempotency key was used for another ticket' },

  // Alerts (apps/alerts): rules, alerts and the delivery log.
  'ALERTS.RULE_NOT_FOUND': { status: 404, title: 'No such alert rule' },
  'ALERTS.ALERT_NOT_FOUND': { status: 404, title: 'No such alert' },
  'ALERTS.CHANNEL_UNKNOWN': { status: 400, title: 'A rule names a channel that does not exist' },
  // A notification's channel was disabled (by an admin, or by the dispatcher after repeated failures).
  'ALERTS.CHANNEL_DISABLED': { status: 409, title: 'The alert channel is disabled' },
  'ALERTS.CHANNEL_NOT_FOUND': { status: 404, title: 'No such alert channel' },
  // How a delivery attempt failed (the delivery log's code; never an HTTP answer of the gateway itself).
  'CHANNEL.UNUSABLE': { status: 409, title: "The channel's stored configuration cannot be used" },
  'WEBHOOK.REFUSED': { status: 400, title: 'The webhook URL is outside the outbound policy' },
  'WEBHOOK.STATUS': { status: 502, title: 'The webhook receiver answered with a failure status' },
  'WEBHOOK.TIMEOUT': { status: 504, title: 'The webhook receiver did not answer in time' },
  'WEBHOOK.NETWORK': { status: 502, title: 'The webhook receiver could not be reached' },
  'EMAIL.REJECTED': { status: 502, title: 'The SMTP server rejected the message' },
  'EMAIL.DEFERRED': { status: 503, title: 'The SMTP server deferred the message' },
  'EMAIL.AUTH': { status: 502, title: 'The SMTP server refused the credentials' },
  'EMAIL.NETWORK': { status: 502, title: 'The SMTP server could not be reached' },
  'TICKET.REFUSED': { status: 409, title: 'Reconcile refused to file the ticket' },
  'TICKET.UNAVAILABLE': { status: 503, title: 'The ticket could not be filed now' },

  // Outbound calls (Duo, PSAs, webhooks, SMTP): the outbound policy refused a destination or an answer. Messages
  // name the rule, never an address or an upstream body.
  'OUTBOUND.REFUSED': { status: 400, title: 'The outbound policy refused this destination' },
  'OUTBOUND.RESPONSE_TOO_LARGE': { status: 400, title: 'The upstream answer exceeded the size limit' },
  'OUTBOUND.TIMEOUT': { status: 504, title: 'The upstream did not answer in time' },
  'OUTBOUND.UNREACHABLE': { status: 503, title: 'The upstream could not be reached' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const ERROR_CODES = Object.keys(ERROR_CATALOG) as readonly ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOG, value);
}

export function errorSpec(code: ErrorCode): ErrorSpec {
  return ERROR_CATALOG[code];
}
