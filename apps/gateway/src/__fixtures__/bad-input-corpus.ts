import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// One hostile or malformed request.
export interface BadRequest {
  what: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
  query: string[];
}

// The gateway's own contract (docs/openapi.json, kept in step with the code by a drift spec): every route of it
// gets the same treatment, so a route added later is covered without touching this file.
function operations(): Operation[] {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string; in: string }[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: op.requestBody !== undefined,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

// Path segments no id may be: traversal, NUL, spaces, operators, oversize, emoji, right-to-left override, SQL,
// JSON, a lone surrogate's encoding.
const BAD_IDS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'a%20b',
  '%24ne',
  'x'.repeat(600),
  '%F0%9F%92%A9',
  '%E2%80%AEevil',
  "'%20OR%201%3D1--",
  '%7B%22%24gt%22%3A%22%22%7D',
  '%ED%A0%80',
];

// Bodies: cut short, not an object, operator and prototype injection, a lone surrogate, deep nesting, oversize.
const BAD_BODIES: { what: string; body: string; contentType?: string }[] = [
  { what: 'truncated JSON', body: '{"name": ' },
  { what: 'an array', body: '[]' },
  { what: 'null', body: 'null' },
  { what: 'a string', body: '"text"' },
  { what: 'wrong types and an unknown field', body: '{"name": 123, "role": ["admin"], "unknown": true}' },
  { what: 'operator injection', body: '{"$where": "sleep(1000)", "name": {"$gt": ""}, "id": {"$ne": null}}' },
  { what: 'prototype pollution', body: '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}' },
  { what: 'a lone surrogate', body: '{"name": "\\ud800", "note": "\\u0000"}' },
  { what: 'deep nesting', body: `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}` },
  { what: 'over the body limit', body: JSON.stringify({ name: 'x'.repeat(300 * 1_024) }) },
  { what: 'form-encoded', body: 'name=x&role=admin', contentType: 'application/x-www-form-urlencoded' },
];

// Query values no list accepts: negative, non-numeric and infinite limits, NUL and oversized cursors, qs-style
// operators, a prototype key and an unknown format.
const BAD_QUERIES = [
  'limit=-1',
  'limit=abc',
  'limit=1e309',
  'cursor=%00',
  `cursor=${'A'.repeat(5_000)}`,
  'accountId[$ne]=x',
  'sort=__proto__',
  'format=xml',
];

export function badInputCorpus(): BadRequest[] {
  const out: BadRequest[] = [];
  for (const op of operations()) {
    if (op.path === '/api/v1/events') continue; // a stream: its bad queries are covered by the edge spec
    if (op.path.includes('{')) {
      for (const id of BAD_IDS) {
        out.push({
          what: `bad id ${id.slice(0, 24)}`,
          method: op.method,
          path: op.path.replace(/\{[^}]+\}/g, id),
          ...(op.hasBody ? { body: '{}' } : {}),
        });
      }
    }
    if (op.hasBody) {
      for (const bad of BAD_BODIES) {
        out.push({
          what: bad.what,
          method: op.method,
          path: op.path.replace(/\{[^}]+\}/g, 'id_0'),
          headers: { 'content-type': bad.contentType ?? 'application/json' },
          body: bad.body,
        });
      }
    }
    if (op.method === 'GET' && op.query.includes('limit')) {
      for (const query of BAD_QUERIES) {
        out.push({
          what: `query ${query.slice(0, 24)}`,
          method: 'GET',
          path: `${op.path.replace(/\{[^}]+\}/g, 'id_0')}?${query}`,
        });
      }
    }
  }
  out.push(...headerAbuse());
  return out;
}

// Oversized and malformed headers, and tricks on the path itself.
function headerAbuse(): BadRequest[] {
  return [
    { what: 'a 64 KB header', method: 'GET', path: '/api/v1/integrations', headers: { 'x-big': 'x'.repeat(65_536) } },
    {
      what: 'a 10 KB bearer',
      method: 'GET',
      path: '/api/v1/integrations',
      headers: { authorization: `Bearer ${'k'.repeat(10_240)}` },
    },
    {
      what: 'basic auth',
      method: 'GET',
      path: '/api/v1/integrations',
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    },
    { what: 'encoded traversal', method: 'GET', path: '/api/v1/%2e%2e/%2e%2e/etc/passwd' },
    { what: 'double slashes', method: 'GET', path: '//api//v1//integrations' },
    { what: 'a NUL in the path', method: 'GET', path: '/api/v1/integrations%00.json' },
    { what: 'an unknown method', method: 'PROPFIND', path: '/api/v1/integrations' },
    { what: 'a trailing dot route', method: 'GET', path: '/api/v1/integrations.' },
  ];
}
