import { CSRF_HEADER, SESSION_COOKIE, problemSchema } from '@seatwise/shared/contracts/gateway-api';
import { type AnyRoute, requiredRole, successStatus } from '../routing/route-definition';
import { type JsonSchema, jsonSchema, objectFields } from './json-schema';

const PROBLEM = 'application/problem+json';

const ERROR_RESPONSES: Readonly<Record<string, string>> = {
  '400': 'Invalid request: malformed JSON, wrong types, unknown fields or query parameters (field errors listed)',
  '401': 'Missing, unknown or revoked API key, or no live console session',
  '403': `The API key's role may not do this, or a change sent with the session cookie lacks ${CSRF_HEADER}`,
  '404': 'No such resource',
  '409': 'Conflict with the current state',
  '413': 'Request body too large',
  '415': 'Request body is not application/json',
  '429': 'Rate limit of this API key reached (see Retry-After)',
  '502': 'A service behind the gateway answered outside its contract',
  '503': 'A service behind the gateway is not answering',
  '504': 'A service behind the gateway did not answer in time',
};

const DESCRIPTION = [
  'The HTTP API of Seatwise. Every route except health, docs and sign-in needs `Authorization: Bearer <api key>`',
  `or the web console's session cookie \`${SESSION_COOKIE}\` (POST /api/v1/session), whose requests that change`,
  `something also send its csrfToken as \`${CSRF_HEADER}\`. Viewers read, admins also change things and manage keys.`,
  '',
  'Lists answer `{"items": [...], "nextCursor": string|null}`; pass `nextCursor` back as `cursor` until it is null.',
  '`limit` is 1-200 (default 50). Lists also export CSV (`Accept: text/csv` or `format=csv`): the export starts at',
  "`cursor` and streams the pages up to the gateway's row cap; HTTP trailers after the last row give `X-Total-Rows`,",
  '`X-Truncated` and, when the cap cut the list, `X-Next-Cursor` to continue from. Cells starting with = + - @ are',
  "prefixed with ' (formula injection).",
  '',
  'Errors are `application/problem+json` with a stable `code`. An unresponsive service is a 503',
  '(`COMMON.UPSTREAM_UNAVAILABLE`), one that does not answer in time a 504 (`COMMON.TIMEOUT`).',
].join('\n');

export function openApiDocument(routes: readonly AnyRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    if (route.hidden) continue;
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Seatwise API', version, description: DESCRIPTION },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'A Seatwise API key' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `The web console's session (POST /api/v1/session); changes also send ${CSRF_HEADER}`,
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => [
          status,
          { description, content: { [PROBLEM]: { schema: { $ref: '#/components/schemas/Problem' } } } },
        ]),
      ),
    },
  };
}

function operation(route: AnyRoute): JsonSchema {
  const status = String(successStatus(route));
  const content: JsonSchema = {
    [route.produces ?? 'application/json']: {
      schema: route.produces ? { type: 'string' } : jsonSchema(route.response, 'output'),
    },
  };
  if (route.csvItem) {
    content['text/csv'] = {
      schema: { type: 'string', description: `Columns: ${Object.keys(route.csvItem.shape).join(', ')}` },
    };
  }
  const errors = route.auth === false ? publicErrorStatuses(route) : errorStatuses(route);
  return {
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    operationId: operationId(route),
    // Either credential: a Bearer key or the session cookie.
    security: route.auth === false ? [] : [{ apiKey: [] }, { session: [] }],
    'x-required-role': route.auth === false ? null : requiredRole(route),
    parameters: [
      ...objectFields(route.params).map((f) => ({
        name: f.name,
        in: 'path',
        required: true,
        schema: jsonSchema(f.schema, 'input'),
      })),
      ...objectFields(route.query).map((f) => ({
        name: f.name,
        in: 'query',
        required: f.required,
        schema: jsonSchema(f.schema, 'input'),
      })),
    ],
    ...(route.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
        }
      : {}),
    responses: {
      [status]: status === '204' ? { description: 'No content' } : { description: 'OK', content },
      ...Object.fromEntries(errors.map((s) => [s, { $ref: `#/components/responses/${s}` }])),
    },
  };
}

function errorStatuses(route: AnyRoute): string[] {
  const statuses = ['400', '401', '403', '429', '502', '503', '504'];
  if (route.params) statuses.push('404');
  if (route.method !== 'GET') statuses.push('409', '413', '415');
  return statuses.sort();
}

function publicErrorStatuses(route: AnyRoute): string[] {
  return ['400', '429', '503', ...(route.problems ?? []).map(String)].sort();
}

function operationId(route: AnyRoute): string {
  const words = route.path
    .replace(/^\/api\/v1\//, '')
    .split(/[/-]/)
    .filter((w) => w.length > 0)
    .map((w) => (w.startsWith(':') ? `By${cap(w.slice(1))}` : cap(w)));
  return `${route.method.toLowerCase()}${words.join('')}`;
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
