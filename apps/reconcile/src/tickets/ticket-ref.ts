import { createHash } from 'node:crypto';
import type { TicketCreateRequest } from '@seatwise/shared/contracts/reconcile-tickets';
import { ticketKey, type TicketScope } from './filed-ticket.repository';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

// What makes two requests under one key the same request.
export function fingerprintOf(input: Pick<TicketCreateRequest, 'boardId' | 'summary' | 'description'>): string {
  return sha256(JSON.stringify([input.boardId, input.summary, input.description]));
}

// The reference stored on the ticket in the PSA (CW externalXRef, at most 100 characters): derived from the account
// and the key only, so every attempt for a key looks for the same ticket, and quote-free so it needs no escaping in
// a condition.
export function externalRefOf(scope: TicketScope, idempotencyKey: string): string {
  return `seatwise:${sha256(ticketKey(scope, idempotencyKey)).slice(0, 40)}`;
}
