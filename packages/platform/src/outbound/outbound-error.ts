import { AppError } from '@seatwise/shared/errors/app-error';

// The rules of the outbound policy, as they are named in refusals (OUTBOUND.REFUSED) and in the docs.
export const OUTBOUND_RULES = {
  'url-syntax': 'the destination must be an absolute URL',
  scheme: 'the scheme is not allowed for this kind of call',
  userinfo: 'a URL must not carry a user name or password',
  fragment: 'a URL must not carry a fragment',
  'host-spelling': 'the host must be written in its canonical form',
  'trailing-dot': 'the host must not end with a dot',
  port: 'the port is not allowed for this kind of call',
  'duo-host': 'Duo API hosts are api-<id>.duosecurity.com or api-<id>.duofederal.com',
  'psa-host': 'PSA hosts are the vendors\u2019 cloud hosts or on-premise hosts the operator lists',
  'internal-name': 'the host name is not a public DNS name',
  'ip-literal': 'this kind of call needs a host name, not an IP address',
  'blocked-address': 'the host is or resolves to an address outside the public internet',
  redirect: 'outbound calls never follow redirects',
} as const;

export type OutboundRule = keyof typeof OUTBOUND_RULES;

export type OutboundErrorCode =
  'OUTBOUND.REFUSED' | 'OUTBOUND.RESPONSE_TOO_LARGE' | 'OUTBOUND.TIMEOUT' | 'OUTBOUND.UNREACHABLE';

/**
 * A coded outbound failure. The message names the rule (and for an address, its range), never the address, the
 * host or anything the upstream sent: it may reach a user who probes internal hosts.
 */
export class OutboundError extends AppError {
  declare readonly code: OutboundErrorCode;

  private constructor(
    code: OutboundErrorCode,
    message: string,
    readonly rule: OutboundRule | null,
    options?: { cause?: unknown },
  ) {
    super(code, message, undefined, options);
    this.name = 'OutboundError';
  }

  static refused(purpose: string, rule: OutboundRule, detail?: string): OutboundError {
    const why = detail === undefined ? OUTBOUND_RULES[rule] : `${OUTBOUND_RULES[rule]} (${detail})`;
    return new OutboundError('OUTBOUND.REFUSED', `${purpose} call refused by rule ${rule}: ${why}`, rule);
  }

  static tooLarge(purpose: string, maxBytes: number): OutboundError {
    return new OutboundError(
      'OUTBOUND.RESPONSE_TOO_LARGE',
      `${purpose} answer exceeded ${maxBytes} bytes and was cut off`,
      null,
    );
  }

  static timeout(purpose: string, timeoutMs: number, cause?: unknown): OutboundError {
    return new OutboundError(
      'OUTBOUND.TIMEOUT',
      `${purpose} call got no complete answer within ${timeoutMs} ms`,
      null,
      {
        cause,
      },
    );
  }

  /** `reason` is a code such as ECONNREFUSED or ENOTFOUND: never a message (Node's name the address). */
  static unreachable(purpose: string, reason: string, cause?: unknown): OutboundError {
    return new OutboundError('OUTBOUND.UNREACHABLE', `${purpose} host could not be reached (${reason})`, null, {
      cause,
    });
  }

  /** Timeouts and unreachable hosts may pass; refusals and oversized answers will not. */
  get transient(): boolean {
    return this.code === 'OUTBOUND.TIMEOUT' || this.code === 'OUTBOUND.UNREACHABLE';
  }
}
