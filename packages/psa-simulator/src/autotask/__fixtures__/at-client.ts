import { autotaskInfoOf, type AutotaskInfo } from '../autotask-info';

export interface AtReply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}
export interface AtCall {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  // Replaces the default headers; `null` removes one.
  headers?: Record<string, string | null>;
}
export type Item = Record<string, unknown>;
export interface QueryPage {
  items: Item[];
  pageDetails: { count: number; requestCount: number; prevPageUrl: string | null; nextPageUrl: string | null };
}

export function atHeaders(info: AutotaskInfo): Record<string, string> {
  return { ApiIntegrationCode: info.integrationCode, UserName: info.userName, Secret: info.secret };
}

// Calls the simulator as an Autotask client would after zone discovery: the three headers, JSON.
export function at(sim: { info: { mode: string } }, path: string, call: AtCall = {}): Promise<AtReply> {
  return atUrl(sim, `${autotaskInfoOf(sim.info).url}/atservicesrest/v1.0${path}`, call);
}

export async function atUrl(sim: { info: { mode: string } }, url: string, call: AtCall = {}): Promise<AtReply> {
  const merged: Record<string, string | null> = {
    ...atHeaders(autotaskInfoOf(sim.info)),
    'Content-Type': 'application/json',
    ...call.headers,
  };
  const headers = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
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

export async function query(sim: { info: { mode: string } }, entity: string, body: unknown): Promise<AtReply> {
  return at(sim, `/${entity}/query`, { method: 'POST', body });
}

// Every page of a query, following nextPageUrl to the end.
export async function queryAll(
  sim: { info: { mode: string } },
  entity: string,
  body: unknown,
): Promise<{ items: Item[]; pages: number }> {
  let reply = await query(sim, entity, body);
  const items: Item[] = [];
  for (let pages = 1; ; pages++) {
    if (reply.status !== 200) throw new Error(`page ${pages}: ${reply.status} ${reply.text}`);
    const page = reply.body as QueryPage;
    items.push(...page.items);
    if (page.pageDetails.nextPageUrl === null) return { items, pages };
    reply = await atUrl(sim, page.pageDetails.nextPageUrl);
  }
}
