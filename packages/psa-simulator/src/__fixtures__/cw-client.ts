import { connectWiseInfo, type ModeInfo } from '../modes/psa-mode';

export interface CwReply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}
export interface CwCall {
  method?: 'GET' | 'PATCH' | 'POST' | 'DELETE';
  body?: unknown;
  rawBody?: string;
  query?: Record<string, string>;
  // Replaces the default headers; `null` removes one.
  headers?: Record<string, string | null>;
}

export function basicAuth(companyId: string, publicKey: string, privateKey: string): string {
  return `Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString('base64')}`;
}

// Calls the simulator the way the Seatwise ConnectWise adapter will: Basic auth, clientId, JSON.
export async function cw(sim: { info: ModeInfo }, path: string, call: CwCall = {}): Promise<CwReply> {
  const url = new URL(`${connectWiseInfo(sim.info).apiUrl}${path}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  return cwUrl(sim, url.toString(), call);
}

export async function cwUrl(sim: { info: ModeInfo }, url: string, call: CwCall = {}): Promise<CwReply> {
  const info = connectWiseInfo(sim.info);
  const defaults: Record<string, string> = {
    Authorization: basicAuth(info.companyId, info.publicKey, info.privateKey),
    clientId: info.clientId,
    Accept: 'application/vnd.connectwise.com+json; version=2025.1',
    'Content-Type': 'application/json',
  };
  const merged = { ...defaults, ...call.headers };
  const headers = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
  const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  const res = await fetch(url, { method: call.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

// Follows rel="next" links from a first page to the end.
export async function allPages(
  sim: { info: ModeInfo },
  path: string,
  call: CwCall = {},
): Promise<{ items: Record<string, unknown>[]; pages: number }> {
  const items: Record<string, unknown>[] = [];
  let reply = await cw(sim, path, call);
  let pages = 1;
  for (;;) {
    if (reply.status !== 200) throw new Error(`page ${pages}: ${reply.status} ${reply.text}`);
    items.push(...(reply.body as Record<string, unknown>[]));
    const next = /<([^>]+)>;\s*rel="next"/.exec(reply.headers.get('link') ?? '')?.[1];
    if (next === undefined) return { items, pages };
    reply = await cwUrl(sim, next, call);
    pages++;
  }
}
