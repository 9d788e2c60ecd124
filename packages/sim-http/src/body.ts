import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1 << 20;

// Reads the whole request body, bounded so a hostile client cannot exhaust memory. Over the bound it throws
// tooLarge(): each simulator answers that in its own API's error shape.
export async function readBody(req: IncomingMessage, tooLarge: () => Error): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer; // IncomingMessage yields Buffers when no encoding is set
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
