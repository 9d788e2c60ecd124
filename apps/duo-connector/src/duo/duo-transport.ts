import { Injectable } from '@nestjs/common';

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
 * The Duo client's only side effect: one HTTP exchange with Node's fetch. The timeout covers reading the body
 * too, so a server that stalls mid-body cannot hang a scan. Specs replace this class to script odd responses.
 */
@Injectable()
export class DuoTransport {
  async send(request: TransportRequest): Promise<TransportResponse> {
    const signal = AbortSignal.timeout(request.timeoutMs);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal,
        redirect: 'manual', // a redirect would re-send the signature to another host; treat it as a bad answer
      });
      const text = await response.text();
      return { status: response.status, contentType: response.headers.get('content-type'), text };
    } catch (error) {
      if (signal.aborted) {
        throw new DuoNetworkError('timeout', `no complete response within ${request.timeoutMs} ms`, { cause: error });
      }
      // Only the message of the underlying cause: never the request (its headers hold the signature).
      throw new DuoNetworkError('network', `request failed: ${causeText(error)}`, { cause: error });
    }
  }
}

// Duck-typed: fetch's errors come from Node's own realm, where `instanceof Error` can fail (e.g. under jest).
function causeText(error: unknown): string {
  const outer = errorParts(error);
  if (!outer) return String(error);
  const inner = errorParts(outer.cause);
  return inner ? `${outer.message} (${inner.code ?? inner.name}: ${inner.message})` : outer.message;
}

function errorParts(value: unknown): { name: string; message: string; code?: string; cause?: unknown } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['message'] !== 'string') return null;
  return {
    name: typeof v['name'] === 'string' ? v['name'] : 'Error',
    message: v['message'],
    ...(typeof v['code'] === 'string' ? { code: v['code'] } : {}),
    cause: v['cause'],
  };
}
