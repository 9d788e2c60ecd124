import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { OutboundError } from './outbound-error';
import type { OutboundPolicy, OutboundPurpose, ResolvedDestination } from './outbound-policy';

export interface OutboundRequestInit {
  method: string;
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
}

export interface OutboundLimits {
  /** The whole exchange: connect, send, and read the full answer. */
  timeoutMs: number;
  /** Largest answer body read; a longer one is cut off with OUTBOUND.RESPONSE_TOO_LARGE. */
  maxBytes: number;
}

export interface OutboundResponse {
  status: number;
  /** A response header (lower-case lookup), the first value when repeated; null when absent. */
  header(name: string): string | null;
  text: string;
}

/** Answer bodies the services read (Duo pages, PSA pages, webhook replies) stay well below this. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * One HTTP exchange under the outbound policy: the URL is checked and resolved by the policy, the connection goes
 * to the address the policy vetted (a second lookup could answer differently: DNS rebinding), TLS still verifies
 * the certificate against the host name, a 3xx is refused (rule `redirect`) and never followed, and the answer is
 * bounded in time and size. Failures are OutboundErrors, whose messages hold no address and no upstream text.
 */
export async function outboundFetch(
  policy: OutboundPolicy,
  purpose: OutboundPurpose,
  url: string | URL,
  init: OutboundRequestInit,
  limits: OutboundLimits,
): Promise<OutboundResponse> {
  const deadline = Date.now() + limits.timeoutMs;
  const destination = await withDeadline(policy.resolve(purpose, url), deadline, purpose, limits.timeoutMs);
  return exchange(destination, purpose, init, limits, deadline);
}

function exchange(
  destination: ResolvedDestination,
  purpose: OutboundPurpose,
  init: OutboundRequestInit,
  limits: OutboundLimits,
  deadline: number,
): Promise<OutboundResponse> {
  const { url, address, port } = destination;
  const tls = url.protocol === 'https:';
  if (!tls && url.protocol !== 'http:') throw OutboundError.refused(purpose, 'scheme');
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  // Host and Content-Length are this function's to set (the vetted name, the bytes actually sent).
  const headers: OutgoingHttpHeaders = Object.fromEntries(
    Object.entries(init.headers ?? {}).filter(([name]) => !['host', 'content-length'].includes(name.toLowerCase())),
  );
  headers['host'] = url.host;
  if (body !== undefined) headers['content-length'] = String(body.length);

  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: OutboundError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy(); // also drops the answer being read
      reject(error);
    };
    const options = {
      host: address, // the vetted address: no lookup happens after the policy's
      port,
      method: init.method,
      path: `${url.pathname}${url.search}`,
      headers,
      agent: false as const, // no pooled socket to another host's address can be reused
      ...(tls
        ? {
            servername: isIpLiteral(hostname) ? undefined : hostname,
            checkServerIdentity: (_host: string, cert: PeerCertificate) => checkServerIdentity(hostname, cert),
          }
        : {}),
    };
    const req = (tls ? httpsRequest : httpRequest)(options, (res) => {
      readAnswer(res, purpose, limits.maxBytes, fail, (answer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
      });
    });
    const timer = setTimeout(
      () => {
        fail(OutboundError.timeout(purpose, limits.timeoutMs));
      },
      Math.max(0, deadline - Date.now()),
    );
    req.on('error', (error) => {
      fail(OutboundError.unreachable(purpose, errorCode(error), error));
    });
    req.end(body);
  });
}

// Settles synchronously through the callbacks: the socket errors a destroy() causes arrive on the next tick and
// must not be taken for the reason the answer was dropped.
function readAnswer(
  res: IncomingMessage,
  purpose: OutboundPurpose,
  maxBytes: number,
  fail: (error: OutboundError) => void,
  succeed: (answer: OutboundResponse) => void,
): void {
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    fail(OutboundError.refused(purpose, 'redirect', `the upstream answered ${status}`));
    return;
  }
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    fail(OutboundError.tooLarge(purpose, maxBytes));
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) fail(OutboundError.tooLarge(purpose, maxBytes));
    else chunks.push(chunk);
  });
  res.on('error', (error) => {
    fail(OutboundError.unreachable(purpose, errorCode(error), error));
  });
  res.on('aborted', () => {
    fail(OutboundError.unreachable(purpose, 'ECONNRESET'));
  });
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    succeed({ status, header: (name) => headerValue(res, name), text });
  });
}

function headerValue(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

async function withDeadline<T>(work: Promise<T>, deadline: number, purpose: OutboundPurpose, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        reject(OutboundError.timeout(purpose, timeoutMs));
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

// Node's socket errors carry a code (ECONNREFUSED, CERT_HAS_EXPIRED …); their messages name the address.
function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{3,48}$/.test(code) ? code : 'NETWORK_ERROR';
}
