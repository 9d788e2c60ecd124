import { randomBytes } from 'node:crypto';

let counter = 0;

// Time-ordered ids (sortable as strings), so "newest first" lists page by _id alone.
export function newId(prefix: string): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const time = Date.now().toString(36).padStart(9, '0');
  return `${prefix}_${time}${counter.toString(36).padStart(4, '0')}${randomBytes(3).toString('hex')}`;
}

// Our id of a PSA record: the connection plus the PSA's own id, so two PSAs never collide.
export function psaRecordId(connectionId: string, externalId: string): string {
  return `${connectionId}-${externalId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
