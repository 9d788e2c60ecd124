import * as duoSig from '@duosecurity/duo_api/lib/duo_sig';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { stringify } from 'node:querystring';

export interface Keys {
  ikey: string;
  skey: string;
}
export interface DuoCall {
  keys: Keys;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  params?: Record<string, string | string[]>;
  version?: 2 | 5;
  date?: string;
  headers?: Record<string, string>;
  /** Params to sign when they differ from the wire ones (emulating a client that sorts repeated values). */
  signParams?: Record<string, string | string[]>;
  /** Raw query to send instead of querystring.stringify(params). */
  rawQuery?: string;
}
export interface DuoReply {
  status: number;
  contentType: string | undefined;
  text: string;
  body: unknown;
}

/** Signs like the official node client (Client.apiCall): v2 = sign(), v5 = signV5() with a JSON body for POST. */
export function signedRequest(
  base: URL,
  call: DuoCall,
): { path: string; headers: Record<string, string>; body: string } {
  const method = call.method ?? 'GET';
  const params = call.params ?? {};
  const date = call.date ?? new Date().toUTCString();
  const inBody = method === 'POST' || method === 'PUT';
  const host = base.hostname;
  let body: string;
  let authorization: string;
  if (call.version === 5) {
    body = inBody ? JSON.stringify(params) : '';
    authorization = duoSig.signV5(
      call.keys.ikey,
      call.keys.skey,
      method,
      host,
      call.path,
      inBody ? {} : (call.signParams ?? params),
      date,
      body,
    );
  } else {
    body = inBody ? stringify(params) : '';
    authorization = duoSig.sign(
      call.keys.ikey,
      call.keys.skey,
      method,
      host,
      call.path,
      call.signParams ?? params,
      date,
    );
  }
  const headers: Record<string, string> = { Date: date, Authorization: authorization, ...call.headers };
  if (inBody) headers['Content-Type'] = call.version === 5 ? 'application/json' : 'application/x-www-form-urlencoded';
  const query = call.rawQuery ?? (inBody ? '' : stringify(params));
  return { path: query === '' ? call.path : `${call.path}?${query}`, headers, body };
}

/** Sends a request with node:http(s); resolves with the raw text and the parsed body (undefined if not JSON). */
export function send(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; ca?: string },
): Promise<DuoReply> {
  const base = new URL(baseUrl);
  const request = base.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], text, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '');
  });
}

export function duoCall(baseUrl: string, call: DuoCall, ca?: string): Promise<DuoReply> {
  const signed = signedRequest(new URL(baseUrl), call);
  return send(baseUrl, signed.path, { method: call.method ?? 'GET', headers: signed.headers, body: signed.body, ca });
}
