// The baseline of the rows screen: the same list paged through the API by Node's fetch, with the console's page
// size, each page's JSON parsed (as the console's client does; nothing validated or rendered).
export async function timeApiPaging(
  gatewayUrl: string,
  apiKey: string,
  pageSize: number,
): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  let rows = 0;
  let cursor: string | null = null;
  do {
    const url = new URL('/api/v1/reconciliation', gatewayUrl);
    url.searchParams.set('limit', String(pageSize));
    if (cursor !== null) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
      signal: AbortSignal.timeout(60_000),
    });
    const body: unknown = await response.json();
    if (!response.ok || !isPage(body)) {
      throw new Error(`GET ${url.pathname} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    }
    rows += body.items.length;
    cursor = body.nextCursor;
  } while (cursor !== null);
  return { ms: performance.now() - start, rows };
}

function isPage(body: unknown): body is { items: unknown[]; nextCursor: string | null } {
  if (typeof body !== 'object' || body === null) return false;
  const page = body as { items?: unknown; nextCursor?: unknown };
  return Array.isArray(page.items) && (typeof page.nextCursor === 'string' || page.nextCursor === null);
}
