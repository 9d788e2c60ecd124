import { duoCall, type Keys } from './duo-client';

export interface LogScan {
  records: Record<string, unknown>[];
  pages: number;
}
interface LogBody {
  response: {
    authlogs?: Record<string, unknown>[];
    items?: Record<string, unknown>[];
    metadata: { next_offset: string[] | string | null };
  };
}

/**
 * Pages a v2 log to the end with the official signer, following next_offset until null. `repeatCursor` sends the
 * cursor as two repeated keys and signs them sorted, as duo_client_python does; otherwise one comma-joined value.
 */
export async function scanLog(
  url: string,
  keys: Keys,
  options: {
    path: string;
    version: 2 | 5;
    window: [number, number];
    limit: number;
    sort: 'ts:asc' | 'ts:desc';
    accountId?: string;
    repeatCursor?: boolean;
  },
): Promise<LogScan> {
  const records: Record<string, unknown>[] = [];
  let cursor: string[] | null = null;
  let pages = 0;
  do {
    const params: Record<string, string | string[]> = {
      mintime: String(options.window[0]),
      maxtime: String(options.window[1]),
      limit: String(options.limit),
      sort: options.sort,
    };
    if (options.accountId !== undefined) params['account_id'] = options.accountId;
    let signParams: Record<string, string | string[]> | undefined;
    if (cursor && options.repeatCursor) {
      params['next_offset'] = cursor;
      signParams = { ...params, next_offset: [...cursor].sort() };
    } else if (cursor) params['next_offset'] = cursor.join(',');
    const reply = await duoCall(url, { keys, path: options.path, params, version: options.version, signParams });
    if (reply.status !== 200) throw new Error(`page ${pages}: ${reply.status} ${reply.text}`);
    const body = reply.body as LogBody;
    records.push(...(body.response.authlogs ?? body.response.items ?? []));
    const next = body.response.metadata.next_offset;
    cursor = next === null ? null : typeof next === 'string' ? next.split(',') : next;
    pages++;
  } while (cursor !== null);
  return { records, pages };
}
