import { z } from 'zod';

// Core-NATS messages among the replicas of one service (`<prefix>.<name>`): not streamed and not kept, so a
// replica that is down or disconnected misses them, which is what they are for (short-lived shared state).
// No stream's subjects may cover them (event-topology spec); who may use one is declared in bus-identities.ts.

// The limits the gateway shares: requests per API key or public client address (GATEWAY_RATE_LIMIT_*), and
// failed authentications per client address (GATEWAY_UNAUTHENTICATED_*).
export const RATE_LIMIT_NAMES = ['requests', 'unauthenticated'] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

// Tokens spent per bucket key since the last message. Bounded so that one message cannot make a replica
// allocate or loop without end; a sender flushes well before these bounds.
const spentSchema = z.record(z.string().min(1).max(300), z.number().int().positive().max(1_000_000));

export const rateLimitSpendSchema = z
  .object({
    // ServiceInfo.instanceId of the sender: a replica ignores its own messages (NATS echoes them back).
    instanceId: z.string().min(1).max(200),
    spent: z.object({ requests: spentSchema, unauthenticated: spentSchema }).partial().strict(),
  })
  .strict()
  .refine(
    (message) => Object.values(message.spent).reduce((keys, spent) => keys + Object.keys(spent).length, 0) <= 5_000,
    'at most 5000 keys per message',
  );
export type RateLimitSpend = z.infer<typeof rateLimitSpendSchema>;

// An Accounts API integration's child accounts were listed and stored: the other connector replicas follow the
// listing now (they track the stored accounts) rather than at their next follow round.
export const accountsListedSchema = z
  .object({ instanceId: z.string().min(1).max(200), integrationId: z.string().min(1).max(200) })
  .strict();
export type AccountsListed = z.infer<typeof accountsListedSchema>;

export const broadcasts = {
  'gateway.rate-limits': {
    schema: rateLimitSpendSchema,
    description: 'Tokens one gateway replica spent from its rate-limit buckets, batched (about every 100 ms).',
  },
  'duo-connector.accounts-listed': {
    schema: accountsListedSchema,
    description: "A connector replica listed an Accounts API integration's child accounts and stored them.",
  },
} as const;
export type BroadcastName = keyof typeof broadcasts;
export const BROADCAST_NAMES = Object.keys(broadcasts) as BroadcastName[];
