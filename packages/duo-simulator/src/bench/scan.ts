import { Agent, request } from 'node:http';
import { duoEncode, type Params } from '../signing/canon';
import { signRequest } from '../signing/sign';

export interface ScanTarget {
  baseUrl: string;
  ikey: string;
  skey: string;
  accountId?: string;
}

function get(agent: Agent, url: URL, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(Buffer.concat(chunks).toString('utf8'));
        else reject(new Error(`HTTP ${res.statusCode ?? 0}`));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface AuthPage {
  response: { authlogs: unknown[]; metadata: { next_offset: string[] | null } };
}

/** One signed authentication-log page request (limit 1000, ts:asc), optionally after a cursor. */
export async function fetchPage(
  agent: Agent,
  target: ScanTarget,
  window: [number, number],
  cursor: string[] | null,
): Promise<AuthPage> {
  const url = new URL(target.baseUrl);
  const params: Params = new Map([
    ['mintime', [String(window[0])]],
    ['maxtime', [String(window[1])]],
    ['limit', ['1000']],
    ['sort', ['ts:asc']],
  ]);
  if (target.accountId !== undefined) params.set('account_id', [target.accountId]);
  if (cursor) params.set('next_offset', [cursor.join(',')]);
  const path = '/admin/v2/logs/authentication';
  const date = new Date().toUTCString();
  const authorization = signRequest({ ...target, method: 'GET', host: url.hostname, path, params, date, version: 2 });
  const query = [...params].map(([k, v]) => `${k}=${duoEncode(v[0] ?? '')}`).join('&');
  return JSON.parse(
    await get(agent, url, `${path}?${query}`, { Date: date, Authorization: authorization }),
  ) as AuthPage;
}

/** Pages one account's authentication log to the end, like a poller's backfill. */
export async function scanAccount(agent: Agent, target: ScanTarget, window: [number, number]): Promise<number> {
  let cursor: string[] | null = null;
  let events = 0;
  do {
    const page = await fetchPage(agent, target, window, cursor);
    events += page.response.authlogs.length;
    cursor = page.response.metadata.next_offset;
  } while (cursor !== null);
  return events;
}

/** Scans all targets with a few concurrent streams; returns the event count and elapsed seconds. */
export async function scanAll(
  targets: ScanTarget[],
  window: [number, number],
  streams: number,
): Promise<{ events: number; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: streams });
  const queue = [...targets];
  let events = 0;
  const started = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
      const scanned = await scanAccount(agent, t, window); // not `events += await …`: that would lose updates
      events += scanned;
    }
  };
  await Promise.all(Array.from({ length: streams }, worker));
  agent.destroy();
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
