import { z } from 'zod';
import {
  alertChannelChangeSchema,
  alertChannelId,
  alertChannelInputSchema,
  alertChannelTestSchema,
  alertChannelViewSchema,
  deliveryOutcomeSchema,
} from './alerts-channels';
import { pageOf } from './page';
import { defineRpc } from './rpc-definition';

const actor = z.string().trim().min(1).max(200);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
};

// Request-reply API of apps/alerts' channels (subject stem → request and response); one RPC per gateway route.
export const alertsChannelRpcs = {
  'alerts.channels.create': defineRpc({
    request: alertChannelInputSchema,
    response: alertChannelViewSchema,
    description:
      'Store a webhook, email or ConnectWise ticket channel (webhook URL checked against the outbound policy; its secret encrypted, never returned).',
    sealed: ['secret'],
  }),
  'alerts.channels.update': defineRpc({
    request: alertChannelChangeSchema.extend({ id: alertChannelId, actor }).strict(),
    response: alertChannelViewSchema,
    description: 'Change a channel (fields of its own kind); enabling it again clears why it was disabled.',
    sealed: ['secret'],
  }),
  'alerts.channels.get': defineRpc({
    request: z.object({ id: alertChannelId }).strict(),
    response: alertChannelViewSchema,
    description: 'One alert channel, without its secret.',
  }),
  'alerts.channels.list': defineRpc({
    request: z.object(page).strict(),
    response: pageOf(alertChannelViewSchema),
    description: 'Alert channels, oldest first, without secrets.',
  }),
  'alerts.channels.delete': defineRpc({
    request: z.object({ id: alertChannelId, actor }).strict(),
    response: z.object({ deleted: z.literal(true) }),
    description: 'Forget an alert channel.',
  }),
  'alerts.channels.test': defineRpc({
    request: alertChannelTestSchema.extend({ id: alertChannelId, actor }).strict(),
    response: z.object({ outcome: deliveryOutcomeSchema }),
    description: 'Send a test notification through the channel now (disabled or not) and answer how the attempt ended.',
  }),
} as const;
