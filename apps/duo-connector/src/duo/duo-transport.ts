import { Injectable } from '@nestjs/common';
import { outboundFetch } from '@seatwise/platform/outbound/outbound-fetch';
import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { resolveBaseUrl, withScheme } from './duo-base-url';

// A page of 1000 auth logs with full details is a few MB; anything far beyond is not an answer to read.
const DUO_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface TransportRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  contentType: string | null;
  text: string;
}

/** The request never produced a complete response: connection refused/reset/dropped, or the timeout fired. */
export class DuoNetworkError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DuoNetworkError';
  }
}

/**
 * The Duo client's only side effect: one HTTP exchange under the outbound policy (Duo hosts only, or the exact
 * simulator endpoints the operator allows; the vetted address pinned; no redirects, since one would re-send the
 * signature elsewhere; the answer bounded in time and size). The timeout covers reading the body too, so a server
 * that stalls mid-body cannot hang a scan. Specs replace `send` to script odd responses.
 */
@Injectable()
export class DuoTransport {
  constructor(private readonly policy: OutboundPolicy) {}

  /**
   * The base URL of an API hostname (a bare host inherits `defaultScheme`), refused (OUTBOUND.REFUSED, naming the
   * rule) unless the policy lets Duo calls go there: checked as written, so another spelling of an allowed
   * endpoint (2130706433 for 127.0.0.1) does not pass. Child hosts from the Accounts API go through here too.
   */
  baseUrl(apiHostname: string, defaultScheme: 'https:' | 'http:' = 'https:'): URL {
    this.policy.check('duo', withScheme(apiHostname, defaultScheme));
    return resolveBaseUrl(apiHostname, defaultScheme);
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    try {
      const response = await outboundFetch(
        this.policy,
        'duo',
        request.url,
        {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
        },
        { timeoutMs: request.timeoutMs, maxBytes: DUO_MAX_RESPONSE_BYTES },
      );
      return { status: response.status, contentType: response.header('content-type'), text: response.text };
    } catch (error) {
      // Refusals and oversized answers are final (no retry); a timeout or an unreachable host may pass.
      if (!(error instanceof OutboundError) || !error.transient) throw error;
      const kind = error.code === 'OUTBOUND.TIMEOUT' ? 'timeout' : 'network';
      // Only the coded message: never the request (its headers hold the signature), nor an address.
      throw new DuoNetworkError(
        kind,
        kind === 'timeout' ? `no complete response within ${request.timeoutMs} ms` : `request failed: ${error.message}`,
        { cause: error },
      );
    }
  }
}
