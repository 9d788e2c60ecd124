import type { IncomingMessage } from 'node:http';
import { CwError } from './errors';

const MAX_BODY_BYTES = 1 << 20;

// Reads the whole request body (bounded, so a hostile client cannot exhaust memory).
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer; // IncomingMessage yields Buffers when no encoding is set
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw CwError.badRequest('Request body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// The JSON body, or undefined when empty; invalid JSON is a 400.
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw CwError.badRequest('The request body is not valid JSON.');
  }
}
