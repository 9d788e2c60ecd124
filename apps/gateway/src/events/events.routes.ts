import { accountId, integrationId } from '@seatwise/shared/contracts/common';
import { GATEWAY_EVENT_NAMES, type GatewayEventName } from '@seatwise/shared/contracts/gateway-api';
import { z } from 'zod';
import { defineRoute } from '../routing/route-definition';

const eventName = z.enum(GATEWAY_EVENT_NAMES as [GatewayEventName, ...GatewayEventName[]]);

export const eventRoutes = {
  stream: defineRoute({
    method: 'GET',
    path: '/api/v1/events',
    tag: 'Events',
    summary: 'Server-Sent Events: sync status and reconciliation changes, live',
    description: [
      'A text/event-stream of `event: <name>` / `data: <JSON>` frames, where name is one of',
      `${GATEWAY_EVENT_NAMES.map((n) => `\`${n}\``).join(', ')} (payloads as in docs/events.md).`,
      'Changes from the moment of connecting on; read the lists for the current state. A comment line is sent',
      'as a heartbeat. Viewers may listen.',
    ].join(' '),
    query: z
      .object({
        types: z
          .string()
          .max(200)
          .transform((v) => v.split(',').map((t) => t.trim()))
          .pipe(z.array(eventName).min(1))
          .optional()
          .describe('Comma-separated event names to receive (default: all).'),
        accountId: accountId.optional().describe('Only events of this Duo account.'),
        integrationId: integrationId
          .optional()
          .describe('Sync-status events only of this integration (other types are not filtered by it).'),
      })
      .strict(),
    response: z.string(),
    produces: 'text/event-stream',
  }),
};
