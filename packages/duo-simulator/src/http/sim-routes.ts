import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultsSchema, rateLimitsSchema } from '../options';
import { formatIssues } from '../sim-input';
import { z } from 'zod';
import { readBody } from './body';
import { sendJson } from './respond';

export interface SimControl {
  info: () => unknown;
  truth: () => unknown;
  setFaults: (faults: unknown) => void;
  setRateLimits: (limits: unknown) => void;
}

const rateLimitsBody = z.union([z.literal(false), rateLimitsSchema]);

async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req)) as unknown;
  } catch {
    return undefined;
  }
}

/** PUT handlers validate here so a bad body is a 400 with the zod issues, never a crash. */
async function update(req: IncomingMessage, res: ServerResponse, schema: z.ZodType, apply: (v: unknown) => void): Promise<void> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) {
    sendJson(res, 400, { stat: 'FAIL', message: `invalid body: ${formatIssues(parsed.error)}` });
    return;
  }
  apply(parsed.data);
  sendJson(res, 200, { stat: 'OK' });
}

/**
 * The simulator's own surface under /_sim (unsigned, not part of Duo): ground truth, startup config, and runtime
 * switches for faults and rate limits so a CLI-started simulator can be steered too.
 */
export async function handleSimRequest(control: SimControl, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const key = `${req.method ?? 'GET'} ${path}`;
  if (key === 'GET /_sim/truth') sendJson(res, 200, control.truth());
  else if (key === 'GET /_sim/config') sendJson(res, 200, control.info());
  else if (key === 'PUT /_sim/faults') await update(req, res, faultsSchema, control.setFaults);
  else if (key === 'PUT /_sim/rate-limits') await update(req, res, rateLimitsBody, control.setRateLimits);
  else sendJson(res, 404, { stat: 'FAIL', message: `unknown simulator path ${key}` });
}
