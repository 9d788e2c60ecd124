import { z } from 'zod';
import { isoDateTime } from './common';

// What a consumer could not accept: the raw bytes (as text) and why, so nothing is silently lost.
export const deadLetterEventSchema = z.object({
  stream: z.string(),
  consumer: z.string(),
  subject: z.string(),
  streamSequence: z.number().int().nonnegative(),
  reason: z.string(),
  data: z.string(),
  at: isoDateTime,
});
export type DeadLetterEvent = z.infer<typeof deadLetterEventSchema>;
