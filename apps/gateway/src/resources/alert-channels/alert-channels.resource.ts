import {
  alertChannelBodySchema,
  alertChannelChangeSchema,
  alertChannelId,
  alertChannelTestSchema,
  alertChannelViewSchema,
  deliveryOutcomeSchema,
} from '@seatwise/shared/contracts/alerts-channels';
import { z } from 'zod';
import { listQuery } from '../../routing/query-params';
import { AlertsClient } from '../../upstream/alerts.client';
import { Resource } from '../resource';

const base = '/api/v1/alerts/channels';
const idParams = z.object({ id: alertChannelId }).strict();
const channels = new Resource('Alert channels', AlertsClient);

// Where alerts are delivered: webhooks, email and ConnectWise tickets. Viewers read, admins change; secrets are
// write-only.
export const AlertChannelsController = channels.controller('AlertChannelsController', {
  list: channels.list(
    {
      path: base,
      summary: 'Alert channels (webhook, email, ConnectWise ticket), never their secrets',
      query: listQuery({}),
      list: alertChannelViewSchema,
    },
    (request, alerts) => alerts.call('alerts.channels.list', request),
  ),
  create: channels.command(
    {
      path: base,
      summary: 'Add an alert channel (a webhook URL must pass the outbound policy; its secret is write-only)',
      body: alertChannelBodySchema,
      response: alertChannelViewSchema,
    },
    (request, alerts) => alerts.call('alerts.channels.create', request),
  ),
  get: channels.get(
    { path: `${base}/:id`, summary: 'One alert channel', params: idParams, response: alertChannelViewSchema },
    ({ params }, alerts) => alerts.call('alerts.channels.get', params),
  ),
  update: channels.command(
    {
      method: 'PATCH',
      path: `${base}/:id`,
      summary: 'Change an alert channel (fields of its own kind); enabling it again clears why it was disabled',
      params: idParams,
      body: alertChannelChangeSchema.refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' }),
      response: alertChannelViewSchema,
    },
    (request, alerts) => alerts.call('alerts.channels.update', request),
  ),
  remove: channels.route(
    {
      method: 'DELETE',
      path: `${base}/:id`,
      summary: 'Forget an alert channel',
      params: idParams,
      response: z.object({ deleted: z.literal(true) }),
    },
    ({ params, actor }, alerts) => alerts.call('alerts.channels.delete', { ...params, actor }),
  ),
  test: channels.command(
    {
      path: `${base}/:id/test`,
      summary: 'Send a test notification through the channel now and answer how it went',
      description:
        'Works on a disabled channel too. A ticket channel files a real ticket only when accountId names a mapped Duo account.',
      params: idParams,
      body: alertChannelTestSchema,
      status: 200,
      response: z.object({ outcome: deliveryOutcomeSchema }),
    },
    (request, alerts) => alerts.call('alerts.channels.test', request),
  ),
});
