import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen';
import { toProblemError } from './problem';

// JSON only: list routes also answer text/csv, which the console downloads as links, never through the client.
export type Api = Client<paths, 'application/json'>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'X-CSRF-Token';

// The session cookie rides along by itself (same origin); mutations also carry the session's CSRF token,
// which the gateway compares with the one it issued at sign-in.
function csrfMiddleware(csrfToken: () => string | undefined): Middleware {
  return {
    onRequest({ request }) {
      const token = csrfToken();
      if (!SAFE_METHODS.has(request.method) && token !== undefined) request.headers.set(CSRF_HEADER, token);
      return request;
    },
  };
}

export interface ApiOptions {
  csrfToken: () => string | undefined;
  // Tests pass a fetch that answers like the gateway; the browser uses its own.
  fetch?: typeof globalThis.fetch;
  baseUrl?: string;
}

export function createApi(options: ApiOptions): Api {
  const client = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl ?? globalThis.location.origin,
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(csrfMiddleware(options.csrfToken));
  return client;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

// openapi-fetch answers { data } or { error }; queries and mutations want the data or a thrown ProblemError.
export async function unwrap<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toProblemError(error, response);
  return data as T;
}
