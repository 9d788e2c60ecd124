// A stand-in for the gateway over fetch: tests declare the answers of the routes a screen calls, and read
// back the requests it made (method, path, query, body, headers). Anything undeclared answers 404 as the
// gateway would, so a screen calling an unexpected route fails loudly.
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

type Reply = { status?: number; body?: unknown };
// A function answer may return a promise: a test holds a response back to order it against other events.
type Answer = Reply | ((request: RecordedRequest) => Reply | Promise<Reply>);

export class FakeGateway {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Answer>();

  // key: "GET /api/v1/reconciliation" (query strings are not part of the key).
  on(key: string, answer: Answer): this {
    this.routes.set(key, answer);
    return this;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      headers: request.headers,
    };
    this.requests.push(recorded);
    const answer = this.routes.get(`${request.method} ${url.pathname}`);
    const { status = 200, body } =
      answer === undefined
        ? { status: 404, body: problem(404, 'COMMON.NOT_FOUND', `no fake for ${request.method} ${url.pathname}`) }
        : typeof answer === 'function'
          ? await answer(recorded)
          : answer;
    if (status === 204) return new Response(null, { status });
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(JSON.stringify(body ?? {}), { status, headers: { 'Content-Type': type } });
  };

  made(key: string): RecordedRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === key);
  }
}

export function problem(status: number, code: string, detail: string) {
  return { type: 'about:blank', title: code, status, code, detail };
}
