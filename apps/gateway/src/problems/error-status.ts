import { ErrorCodes } from '@seatwise/shared/errors/app-error';
import { GatewayCodes } from './gateway-codes';

// Explicit statuses first; then the suffix rules every service's codes follow (see the brief's
// AREA.REASON convention). Anything else is a 500 whose message never leaves the gateway.
const EXACT: Readonly<Record<string, number>> = {
  [ErrorCodes.VALIDATION_FAILED]: 400,
  [ErrorCodes.NOT_FOUND]: 404,
  [ErrorCodes.CONFLICT]: 409,
  [ErrorCodes.UPSTREAM_UNAVAILABLE]: 503,
  // An upstream that does not answer in time: the gateway's own deadline ran out.
  [ErrorCodes.TIMEOUT]: 504,
  [ErrorCodes.INTERNAL]: 500,
  [ErrorCodes.CONFIG_INVALID]: 500,
  [ErrorCodes.BUS_MALFORMED_EVENT]: 500,
  [ErrorCodes.BUS_PUBLISH_FAILED]: 503,
  // The service answers but does not know the pattern: it runs another version than the gateway.
  [ErrorCodes.RPC_NO_HANDLER]: 502,
  [GatewayCodes.UNAUTHORIZED]: 401,
  [GatewayCodes.FORBIDDEN]: 403,
  [GatewayCodes.RATE_LIMITED]: 429,
  [GatewayCodes.PAYLOAD_TOO_LARGE]: 413,
  [GatewayCodes.UNSUPPORTED_MEDIA_TYPE]: 415,
  [GatewayCodes.MALFORMED_JSON]: 400,
  [GatewayCodes.ROUTE_NOT_FOUND]: 404,
  [GatewayCodes.NOT_ACCEPTABLE]: 406,
  [GatewayCodes.CORS_REJECTED]: 403,
  // Duo refused the credentials the caller supplied: the caller's to fix, not a gateway failure.
  'CONNECTOR.DUO_UNAUTHORIZED': 400,
  'CONNECTOR.DUO_FORBIDDEN': 400,
  'CONNECTOR.DUO_RATE_LIMITED': 503,
  'SECRETS.UNREADABLE': 500,
  'SECRETS.KEY_MISSING': 500,
};

// The reason's last words decide: AREA.NOT_FOUND and AREA.ROW_NOT_FOUND are both 404. Longer suffixes
// first (INVALID_STATE before INVALID).
const SUFFIXES: readonly (readonly [string, number])[] = [
  ['NOT_FOUND', 404],
  ['CONFLICT', 409],
  ['INVALID_STATE', 409],
  ['NOT_READY', 409],
  ['VALIDATION_FAILED', 400],
  ['INVALID', 400],
  ['UNAUTHORIZED', 401],
  ['FORBIDDEN', 403],
  ['UNAVAILABLE', 503],
  ['UPSTREAM_FAILED', 502],
];

export function statusOfCode(code: string): number {
  const exact = EXACT[code];
  if (exact !== undefined) return exact;
  // Any other failure Duo answered (bad request, not found, malformed): Duo's problem, reached through us.
  if (code.startsWith('CONNECTOR.DUO_') && !code.endsWith('_UNAVAILABLE')) return 502;
  const reason = code.slice(code.indexOf('.') + 1);
  for (const [suffix, status] of SUFFIXES) if (reason === suffix || reason.endsWith(`_${suffix}`)) return status;
  return 500;
}

// Whether the upstream's message may be shown: client errors describe the client's request; server
// errors' messages are internal (hosts, subjects, causes) and are replaced by a generic detail.
export function isClientStatus(status: number): boolean {
  return status >= 400 && status < 500;
}
