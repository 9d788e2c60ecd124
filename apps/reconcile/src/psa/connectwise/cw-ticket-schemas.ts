import { z } from 'zod';

// The fields of ConnectWise's BoardInfo and Ticket models that filing a ticket reads (CW omits null members).
const ref = z.object({ id: z.number().int() });

export const cwBoardSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  inactiveFlag: z.boolean().optional(),
  projectFlag: z.boolean().optional(),
});
export const cwTicketSchema = z.object({
  id: z.number().int().positive(),
  company: ref,
  board: ref.optional(),
  externalXRef: z.string().optional(),
});

export type CwBoard = z.infer<typeof cwBoardSchema>;
export type CwTicket = z.infer<typeof cwTicketSchema>;
