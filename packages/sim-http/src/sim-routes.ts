import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody } from './body';
import { formatIssues } from './zod-issues';

// The runtime switches a simulator exposes under /_sim; the setters get bodies already checked by the schemas.
export interface SimControl {
  info: () => unknown;
  truth: () => unknown;
  // The simulated API's request log, where the simulator keeps one.
  requests?: () => unknown;
  setFaults: (faults: unknown) => void;
  setRateLimits: (limits: unknown) => void;
}

// How one simulator speaks on /_sim: its settings' schemas, its JSON answer and its envelopes, so /_sim answers
// look like the rest of that simulator's API.
export interface SimDialect {
  faultsSchema: z.ZodType;
  // The rate-limit settings; `false` (no limits, for throughput runs) is accepted besides.
  rateLimitsSchema: z.ZodType;
  send: (res: ServerResponse, status: number, body: unknown) => void;
  ok: unknown;
  failure: (status: 400 | 404, message: string) => unknown;
}

export interface SimSurface {
  control: SimControl;
  dialect: SimDialect;
}

// Any unreadable body (too large, not JSON) is simply not valid settings: the schema check reports it.
async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req, () => new Error('request body too large'))) as unknown;
  } catch {
    return undefined;
  }
}

// PUT handlers validate here so a bad body is a 400 with the zod issues, never a crash.
async function update(
  { dialect }: SimSurface,
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType,
  apply: (value: unknown) => void,
): Promise<void> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) {
    dialect.send(res, 400, dialect.failure(400, `invalid body: ${formatIssues(parsed.error)}`));
    return;
  }
  apply(parsed.data);
  dialect.send(res, 200, dialect.ok);
}

// The simulator's own surface under /_sim (no auth, not part of the simulated API): ground truth, startup config,
// and runtime switches for faults and rate limits, so a CLI-started simulator can be steered too.
export async function handleSimRequest(
  sim: SimSurface,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const { control, dialect } = sim;
  const key = `${req.method ?? 'GET'} ${path}`;
  if (key === 'GET /_sim/truth') dialect.send(res, 200, control.truth());
  else if (key === 'GET /_sim/config') dialect.send(res, 200, control.info());
  else if (key === 'GET /_sim/requests' && control.requests) dialect.send(res, 200, { items: control.requests() });
  else if (key === 'PUT /_sim/faults') await update(sim, req, res, dialect.faultsSchema, control.setFaults);
  else if (key === 'PUT /_sim/rate-limits') {
    await update(sim, req, res, z.union([z.literal(false), dialect.rateLimitsSchema]), control.setRateLimits);
  } else dialect.send(res, 404, dialect.failure(404, `unknown simulator path ${key}`));
}

// Sends /_sim/* to the control surface and everything else to the simulated API. What escapes either is a bug:
// logged under the simulator's name, and the connection dropped so the client does not hang.
export function simRequestListener(
  name: string,
  sim: SimSurface,
  api: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const done = path.startsWith('/_sim/') ? handleSimRequest(sim, req, res, path) : api(req, res);
    done.catch((error: unknown) => {
      process.stderr.write(`${name}: ${String(error)}\n`);
      res.destroy();
    });
  };
}
