import { randomBytes } from 'node:crypto';

let counter = 0;

// Time-ordered ids (sortable as strings), so "newest first" lists page by _id alone.
export function newId(prefix: string): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const time = Date.now().toString(36).padStart(9, '0');
  return `${prefix}_${time}${counter.toString(36).padStart(4, '0')}${randomBytes(3).toString('hex')}`;
}
