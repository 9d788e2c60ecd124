import { z } from 'zod';
import { pageOf } from './page';
import { accountId } from './common';
import { activityRequestSchema, activityResponseSchema } from './discovery-activity';
import {
  accountSummarySchema,
  actionListRequestSchema,
  actionViewSchema,
  catalogChangeSchema,
  catalogCreateRequestSchema,
  catalogProductSchema,
  catalogUpdateRequestSchema,
  groupDetailSchema,
  groupIdRequestSchema,
  groupListRequestSchema,
  groupViewSchema,
  reclaimableRequestSchema,
  reclaimableUserSchema,
  seatSettingsRequestSchema,
  seatSettingsSchema,
  seatsResponseSchema,
  serviceIdRequestSchema,
  unignoreRequestSchema,
  unmatchRequestSchema,
  ignoreRequestSchema,
  matchRequestSchema,
  mergeRequestSchema,
  serviceDetailSchema,
  serviceListRequestSchema,
  serviceUsersRequestSchema,
  serviceUserViewSchema,
  serviceViewSchema,
  userIdRequestSchema,
  userListRequestSchema,
  userServicesRequestSchema,
  userServiceViewSchema,
  userViewSchema,
} from './discovery-views';
import { defineRpc, healthRpc } from './rpc-definition';

// Request-reply API of apps/discovery (subject stem → request and response schemas).
// Every query is scoped to one Duo account: by `accountId`, or by the account encoded in an id.
export const discoveryRpcs = {
  'discovery.health': healthRpc('discovery'),
  'discovery.services.list': defineRpc({
    request: serviceListRequestSchema,
    response: pageOf(serviceViewSchema),
    description: 'Services of one account: filter (status, q, matched, lastSeenSince), sort, cursor pagination.',
  }),
  'discovery.services.get': defineRpc({
    request: serviceIdRequestSchema,
    response: serviceDetailSchema,
    description: 'One service with active users over 7/30/90 days and the services merged into it.',
  }),
  'discovery.services.users': defineRpc({
    request: serviceUsersRequestSchema,
    response: pageOf(serviceUserViewSchema),
    description: 'Users of one service with their first/last use and count, cursor pagination.',
  }),
  'discovery.services.match': defineRpc({
    request: matchRequestSchema,
    response: serviceViewSchema,
    description: 'Match a service to a catalog product (manual; recorded in the action log).',
  }),
  'discovery.services.merge': defineRpc({
    request: mergeRequestSchema,
    response: serviceViewSchema,
    description: 'Merge a service into another of the same account: one product (recorded in the action log).',
  }),
  'discovery.services.ignore': defineRpc({
    request: ignoreRequestSchema,
    response: serviceViewSchema,
    description: 'Ignore a service (recorded in the action log).',
  }),
  'discovery.actions.list': defineRpc({
    request: actionListRequestSchema,
    response: pageOf(actionViewSchema),
    description: 'Action log of one account (automatic and manual matches, merges, ignores), newest first.',
  }),
  'discovery.users.list': defineRpc({
    request: userListRequestSchema,
    response: pageOf(userViewSchema),
    description: 'Users of one account: filter (status, removed, q), sort, cursor pagination.',
  }),
  'discovery.users.get': defineRpc({
    request: userIdRequestSchema,
    response: userViewSchema,
    description: 'One user, enriched from the latest users snapshot.',
  }),
  'discovery.users.services': defineRpc({
    request: userServicesRequestSchema,
    response: pageOf(userServiceViewSchema),
    description: 'Services one user used with first/last use and count, cursor pagination.',
  }),
  'discovery.accounts.summary': defineRpc({
    request: z.object({ accountId: accountId.optional() }).strict(),
    response: z.object({ items: z.array(accountSummarySchema) }),
    description: 'Per-account summary (service counts, new this week, unmatched); all accounts, or one.',
  }),
  'discovery.activity.daily': defineRpc({
    request: activityRequestSchema,
    response: activityResponseSchema,
    description:
      'Authentications per UTC day (total, success, denied, fraud) over the last `days` days, zero-filled, ' +
      'oldest first; one account, or summed over all.',
  }),
  'discovery.catalog.search': defineRpc({
    request: z
      .object({ q: z.string().trim().max(200).optional(), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    response: z.object({ items: z.array(catalogProductSchema), version: z.string() }),
    description: 'SaaS catalog products whose name, vendor or alias contains q (to pick a match).',
  }),
  'discovery.catalog.create': defineRpc({
    request: catalogCreateRequestSchema,
    response: catalogChangeSchema,
    description: 'Add a custom catalog product; services it would match differently are re-matched.',
  }),
  'discovery.catalog.update': defineRpc({
    request: catalogUpdateRequestSchema,
    response: catalogChangeSchema,
    description: 'Edit a custom catalog product; services it would match differently are re-matched.',
  }),
  'discovery.services.unmatch': defineRpc({
    request: unmatchRequestSchema,
    response: serviceViewSchema,
    description: "Remove a service's catalog match; automatic matching leaves it alone afterwards (action log).",
  }),
  'discovery.services.unignore': defineRpc({
    request: unignoreRequestSchema,
    response: serviceViewSchema,
    description: 'Stop ignoring a service (recorded in the action log).',
  }),
  'discovery.seats.summary': defineRpc({
    request: z.object({ accountId: accountId.optional() }).strict(),
    response: seatsResponseSchema,
    description: 'Billable users, active users and reclaimable seats per account (all, or one) and in total.',
  }),
  'discovery.seats.reclaimable': defineRpc({
    request: reclaimableRequestSchema,
    response: pageOf(reclaimableUserSchema),
    description: 'Reclaimable seats of one account, each with its reason, cursor pagination.',
  }),
  'discovery.seats.settings.get': defineRpc({
    request: z.object({ accountId }).strict(),
    response: seatSettingsSchema,
    description: 'After how many days without a successful authentication a seat of the account is unused.',
  }),
  'discovery.seats.settings.set': defineRpc({
    request: seatSettingsRequestSchema,
    response: seatSettingsSchema,
    description: 'Set after how many days without a successful authentication a seat of the account is unused.',
  }),
  'discovery.groups.list': defineRpc({
    request: groupListRequestSchema,
    response: pageOf(groupViewSchema),
    description: 'Services across every account, grouped by catalog product or normalized name; sort, pages.',
  }),
  'discovery.groups.get': defineRpc({
    request: groupIdRequestSchema,
    response: groupDetailSchema,
    description: 'One service across accounts, with the accounts using it.',
  }),
} as const;
