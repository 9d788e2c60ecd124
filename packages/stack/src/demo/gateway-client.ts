import type { z } from 'zod';

export class GatewayError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly code: string | null,
    detail: string,
  ) {
    super(`${method} ${path} answered ${status}${code ? ` ${code}` : ''}: ${detail}`);
  }
}

type Query = Record<string, string | number | boolean | undefined>;

const TIMEOUT_MS = 60_000;

// The gateway's HTTP API as a user's script calls it: bearer API key, JSON in and out, problem details
// on errors, and every answer validated against the contract it promises.
export class GatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  get<S extends z.ZodType>(path: string, schema: S, query: Query = {}): Promise<z.output<S>> {
    return this.call('GET', path, schema, undefined, query);
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.call('POST', path, schema, body);
  }

  private async call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body: unknown,
    query: Query = {},
  ): Promise<z.output<S>> {
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) {
      const problem = typeof json === 'object' && json !== null ? (json as { code?: unknown; detail?: unknown }) : {};
      throw new GatewayError(
        method,
        url.pathname,
        response.status,
        typeof problem.code === 'string' ? problem.code : null,
        typeof problem.detail === 'string' ? problem.detail : text.slice(0, 300),
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`${method} ${url.pathname} answered an unexpected body: ${parsed.error.message}`);
    }
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
