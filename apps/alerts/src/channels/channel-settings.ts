import { Injectable } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import {
  ALERT_CHANNEL_FIELDS,
  type AlertChannelChange,
  type AlertChannelInput,
} from '@seatwise/shared/contracts/alerts-channels';
import { AppError } from '@seatwise/shared/errors/app-error';
import { type ChannelDoc, channelSecretOwner } from './channel.repository';
import type { ResolvedChannel } from './resolved-channel';

type Settings = Pick<ChannelDoc, 'kind' | 'url' | 'to' | 'boardId' | 'secret'>;
type KindFields = Omit<AlertChannelChange, 'name' | 'enabled'>;

const NONE = { url: null, to: null, boardId: null, secret: null };

// A channel's settings between a request, the database and a sender: the webhook URL judged by the outbound policy
// before anything is stored, the secret encrypted at rest and decrypted only for a delivery.
@Injectable()
export class ChannelSettings {
  constructor(
    private readonly cipher: SecretCipher,
    private readonly policy: OutboundPolicy,
  ) {}

  // The stored fields of a new channel; OUTBOUND.REFUSED when its URL may not be called.
  storable(input: AlertChannelInput, id: string): Settings {
    switch (input.kind) {
      case 'webhook': {
        const secret = this.cipher.encrypt(input.secret, channelSecretOwner(id));
        return { ...NONE, kind: 'webhook', url: this.allowedUrl(input.url), secret };
      }
      case 'email':
        return { ...NONE, kind: 'email', to: [...new Set(input.to.map((a) => a.toLowerCase()))] };
      case 'ticket':
        return { ...NONE, kind: 'ticket', boardId: input.boardId };
    }
  }

  // The stored fields after a change; a field of another kind is refused (COMMON.VALIDATION_FAILED).
  changed(doc: ChannelDoc, change: KindFields): Partial<Settings> {
    const own = new Set<string>(Object.keys(ALERT_CHANNEL_FIELDS[doc.kind]));
    const bad = Object.keys(change).filter((key) => !own.has(key));
    if (bad.length > 0) {
      throw new AppError(
        'COMMON.VALIDATION_FAILED',
        `A ${doc.kind} channel has no ${bad.join(', ')}`,
        bad.map((path) => ({ path, message: `not a ${doc.kind} channel field` })),
      );
    }
    return {
      ...(change.url !== undefined ? { url: this.allowedUrl(change.url) } : {}),
      ...(change.secret !== undefined
        ? { secret: this.cipher.encrypt(change.secret, channelSecretOwner(doc._id)) }
        : {}),
      ...(change.to !== undefined ? { to: [...new Set(change.to.map((a) => a.toLowerCase()))] } : {}),
      ...(change.boardId !== undefined ? { boardId: change.boardId } : {}),
    };
  }

  // The channel as a sender uses it (secret decrypted). SECRETS.UNREADABLE / SECRETS.KEY_MISSING when its key is gone.
  resolved(doc: ChannelDoc): ResolvedChannel {
    const base = { id: doc._id, name: doc.name };
    switch (doc.kind) {
      case 'webhook':
        if (!doc.secret || !doc.url) throw unusable(doc, 'has no URL or secret');
        return {
          ...base,
          kind: 'webhook',
          url: doc.url,
          secret: this.cipher.decrypt(doc.secret, channelSecretOwner(doc._id)),
        };
      case 'email':
        if (!doc.to || doc.to.length === 0) throw unusable(doc, 'has no recipients');
        return { ...base, kind: 'email', to: doc.to };
      case 'ticket':
        if (doc.boardId === null) throw unusable(doc, 'has no board');
        return { ...base, kind: 'ticket', boardId: doc.boardId };
    }
  }

  private allowedUrl(url: string): string {
    return this.policy.check('webhook', url).href;
  }
}

function unusable(doc: ChannelDoc, why: string): AppError {
  return new AppError('COMMON.INTERNAL', `Alert channel ${doc._id} (${doc.kind}) ${why}`);
}
