import type { IncomingMessage } from 'node:http';
import { readBody } from '@seatwise/sim-http/body';
import { CwError } from '../errors';

// The JSON body, or undefined when empty; too large or invalid JSON is a 400.
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, () => CwError.badRequest('Request body too large.'));
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw CwError.badRequest('The request body is not valid JSON.');
  }
}
