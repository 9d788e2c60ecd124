import { fieldErrors } from '../integrations/field-errors';
import type { AlertChannel, ChannelChanges, NewChannel } from './alerts-queries';
import type { ChannelKind } from './channel-kinds';

// A channel as its form holds it. The secret starts empty, also on edit: the API never returns it.
export interface ChannelDraft {
  kind: ChannelKind;
  name: string;
  url: string;
  secret: string;
  to: string;
  boardId: string;
}

export const CHANNEL_FIELDS = ['name', 'url', 'secret', 'to', 'boardId'] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];

// The API's bounds for a webhook secret (docs/openapi.json).
export const SECRET_MIN = 16;

export function emptyChannelDraft(kind: ChannelKind = 'webhook'): ChannelDraft {
  return { kind, name: '', url: '', secret: '', to: '', boardId: '' };
}

export function draftOfChannel(channel: AlertChannel): ChannelDraft {
  return {
    kind: channel.kind,
    name: channel.name,
    url: channel.url ?? '',
    secret: '',
    to: channel.to?.join('\n') ?? '',
    boardId: channel.boardId === null ? '' : String(channel.boardId),
  };
}

// Addresses typed one a line or separated by commas.
export function addressesOf(text: string): string[] {
  return text.split(/[\s,;]+/).filter((a) => a !== '');
}

export function newChannelOf(draft: ChannelDraft): NewChannel {
  const name = draft.name.trim();
  switch (draft.kind) {
    case 'webhook':
      return { kind: 'webhook', name, url: draft.url.trim(), secret: draft.secret };
    case 'email':
      return { kind: 'email', name, to: addressesOf(draft.to) };
    case 'ticket':
      return { kind: 'ticket', name, boardId: Number(draft.boardId) };
  }
}

// An edit sends the fields of the channel's own kind; the secret only when a new one was typed (blank keeps
// the stored one, which the PATCH schema allows by leaving it out).
export function channelChangesOf(draft: ChannelDraft): ChannelChanges {
  const { kind: _kind, ...fields } = newChannelOf(draft);
  if ('secret' in fields && fields.secret === '') {
    const { secret: _secret, ...rest } = fields;
    return rest;
  }
  return fields;
}

export function channelDraftComplete(draft: ChannelDraft, editing: boolean): boolean {
  if (draft.name.trim() === '') return false;
  switch (draft.kind) {
    case 'webhook':
      return draft.url.trim() !== '' && (editing || draft.secret !== '');
    case 'email':
      return addressesOf(draft.to).length > 0;
    case 'ticket':
      return draft.boardId !== '';
  }
}

// The API names a bad address by its index ("body.to.2"); it shows under the recipients with the address.
export function channelFieldErrors(error: unknown, draft: ChannelDraft): Partial<Record<ChannelField, string>> {
  const addresses = addressesOf(draft.to);
  const items = addresses.map((_, i) => `to.${i}`);
  const found: Partial<Record<string, string>> = fieldErrors(error, [...CHANNEL_FIELDS, ...items]);
  const index = items.findIndex((item) => found[item] !== undefined);
  const itemError = index < 0 ? undefined : `${addresses[index] ?? ''}: ${found[items[index] ?? ''] ?? ''}`;
  return {
    name: found['name'],
    url: found['url'],
    secret: found['secret'],
    boardId: found['boardId'],
    to: found['to'] ?? itemError,
  };
}
