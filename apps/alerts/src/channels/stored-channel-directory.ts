import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { ChannelDirectory, type DeliverableChannel } from './channel-directory';
import { ChannelRepository } from './channel.repository';
import { ChannelSettings } from './channel-settings';

// The channels as the rules and the dispatcher see them (ChannelDirectory): `config` of a deliverable channel is a
// ResolvedChannel (resolved-channel.ts), the input of every sender in CHANNEL_SENDERS.
@Injectable()
export class StoredChannelDirectory extends ChannelDirectory {
  constructor(
    private readonly repository: ChannelRepository,
    private readonly settings: ChannelSettings,
    private readonly clock: Clock,
  ) {
    super();
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    return new Set(await this.repository.existing(ids));
  }

  async forDelivery(id: string): Promise<DeliverableChannel | null> {
    const doc = await this.repository.findById(id);
    if (!doc) return null;
    return { id: doc._id, kind: doc.kind, enabled: doc.enabled, config: this.settings.resolved(doc) };
  }

  async disable(id: string, reason: { code: string; detail: string }): Promise<void> {
    await this.repository.disable(id, `${reason.code}: ${reason.detail}`.slice(0, 1_000), this.clock.now());
  }
}
