import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import { OutboundPolicy, type ResolvedDestination } from '@seatwise/platform/outbound/outbound-policy';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/alerts-env';

// The webhook sender's only side effect: one POST to a URL the outbound policy accepted, connected to the address
// the policy resolved (pinned: a second DNS answer cannot move the call inside the network). Redirects are never
// followed (a 3xx is the answer) and the receiver's body is never read: only its status matters.
@Injectable()
export class WebhookHttp {
  private readonly timeoutMs: number;

  constructor(
    private readonly policy: OutboundPolicy,
    @Inject(APP_ENV) env: Env,
  ) {
    this.timeoutMs = env.ALERTS_WEBHOOK_TIMEOUT_MS;
  }

  // The receiver's status; rejects with OUTBOUND.REFUSED (policy), OUTBOUND.TIMEOUT or OUTBOUND.UNREACHABLE.
  async post(url: string, headers: Record<string, string>, body: string): Promise<number> {
    const destination = await this.policy.resolve('webhook', url);
    return postPinned(destination, headers, body, this.timeoutMs);
  }
}

function postPinned(
  destination: ResolvedDestination,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const { url, address, family, port } = destination;
  // Every name the client looks up answers the checked address (TLS still verifies the certificate for the name).
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        agent: false,
      },
      (res: IncomingMessage) => {
        clearTimeout(deadline);
        resolve(res.statusCode ?? 0);
        // The body is not wanted: dropping the connection also bounds what a receiver can make us read.
        res.destroy();
      },
    );
    const deadline = setTimeout(() => {
      req.destroy(OutboundError.timeout('webhook', timeoutMs));
    }, timeoutMs);
    req.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      reject(error instanceof OutboundError ? error : OutboundError.unreachable('webhook', errnoCode(error), error));
    });
    req.end(body);
  });
}

function errnoCode(error: NodeJS.ErrnoException): string {
  return typeof error.code === 'string' && /^[A-Z_]{3,32}$/.test(error.code) ? error.code : 'NETWORK';
}
