import { z } from 'zod';
import { accountId } from './common';
import { reconcileId } from './reconcile-views';

// PSA service tickets filed by Seatwise (issue #16: the alerts service's "ConnectWise service ticket" channel).
// Only ConnectWise connections file tickets; the other PSAs answer RECONCILE.TICKETS_UNSUPPORTED.

// A ConnectWise service board id (CW ids are positive integers).
export const psaBoardId = z.number().int().positive().max(2_147_483_647);

// A caller's key for one ticket: the same key (for the same account) never files a second ticket.
export const ticketIdempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'letters, digits and _ . : @ - only');

export const ticketCreateRequestSchema = z
  .object({
    // The Duo account; the ticket goes to the PSA company it is mapped to, through that company's connection.
    accountId,
    boardId: psaBoardId,
    // CW's ticket summary is at most 100 characters.
    summary: z.string().trim().min(1).max(100),
    // The ticket's initial description (plain text).
    description: z.string().trim().min(1).max(10_000),
    idempotencyKey: ticketIdempotencyKey,
  })
  .strict();
export type TicketCreateRequest = z.infer<typeof ticketCreateRequestSchema>;

export const ticketCreateResponseSchema = z.object({
  // The PSA's ticket id.
  ticketId: z.number().int().positive(),
  // Our id of the PSA company the ticket was filed for (as in mappings: psaCompanyId) and the PSA's own id of it.
  companyId: reconcileId,
  companyExternalId: z.string(),
  connectionId: reconcileId,
  boardId: psaBoardId,
  // false: the key had already filed this ticket (a retry or replay); nothing new was filed.
  created: z.boolean(),
});
export type TicketCreateResponse = z.infer<typeof ticketCreateResponseSchema>;

// Without connectionId: the only connection that can call a PSA (RECONCILE.TICKET_CONNECTION_REQUIRED when
// there are several).
export const ticketBoardsRequestSchema = z.object({ connectionId: reconcileId.optional() }).strict();

export const psaBoardViewSchema = z.object({ id: psaBoardId, name: z.string() });
export type PsaBoardView = z.infer<typeof psaBoardViewSchema>;

export const ticketBoardsResponseSchema = z.object({
  connectionId: reconcileId,
  // The connection's active service boards, by id.
  items: z.array(psaBoardViewSchema),
});
