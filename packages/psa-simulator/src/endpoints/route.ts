import type { World } from '../data/model';

export interface Ctx {
  world: World;
  url: URL;
  // Path segments captured by the route pattern (ids).
  args: string[];
  // Parsed JSON body (PATCH, POST), undefined when absent.
  body: unknown;
  now: number;
  // Public key of the calling API member; recorded as updatedBy on writes.
  member: string;
  forwardOnly: boolean;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'PATCH' | 'POST';
  // Matched against the path below the API base (e.g. "/company/companies/250").
  pattern: RegExp;
  handler: (ctx: Ctx) => Reply;
}
