import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AlertChannelView } from '@seatwise/shared/contracts/alerts-channels';
import type { Page } from '@seatwise/shared/contracts/page';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { newId } from '../db/ids';
import { ChannelRepository } from './channel.repository';
import { ChannelSettings } from './channel-settings';
import { CHANNEL_SENDERS, type ChannelSenders, sendThrough } from './channel-senders';
import { toChannelView } from './channel.view';
import { testNotification } from './test-notification';

// Channel CRUD and "send test". Every input is validated and every URL judged before anything is written, so a
// refused request stores nothing; no answer carries a secret.
@Injectable()
export class ChannelsService {
  constructor(
    private readonly repository: ChannelRepository,
    private readonly settings: ChannelSettings,
    private readonly clock: Clock,
    @Inject(CHANNEL_SENDERS) private readonly senders: ChannelSenders,
  ) {}

  async create(input: RpcInput<'alerts.channels.create'>): Promise<AlertChannelView> {
    const id = newId('ach');
    const stored = this.settings.storable(input, id);
    const now = this.clock.now();
    const doc = {
      _id: id,
      name: input.name,
      ...stored,
      enabled: input.enabled,
      disabledReason: null,
      disabledAt: null,
      createdBy: input.actor,
      updatedBy: input.actor,
      createdAt: now,
      updatedAt: now,
    };
    await this.repository.insert(doc);
    return toChannelView(doc);
  }

  async update(input: RpcInput<'alerts.channels.update'>): Promise<AlertChannelView> {
    const { id, actor, name, enabled, ...kindFields } = input;
    const doc = await this.repository.mustFind(id);
    const settings = this.settings.changed(doc, kindFields);
    const now = this.clock.now();
    const updated = await this.repository.update(id, {
      ...settings,
      ...(name !== undefined ? { name } : {}),
      // Enabling again is how an admin says the failures are fixed: the reason goes with it.
      ...(enabled !== undefined ? { enabled } : {}),
      ...(enabled === true ? { disabledReason: null, disabledAt: null } : {}),
      updatedBy: actor,
      updatedAt: now,
    });
    return toChannelView(updated ?? (await this.repository.mustFind(id)));
  }

  async get(id: string): Promise<AlertChannelView> {
    return toChannelView(await this.repository.mustFind(id));
  }

  list(request: RpcInput<'alerts.channels.list'>): Promise<Page<AlertChannelView>> {
    return this.repository.page(request, toChannelView);
  }

  async delete(id: string): Promise<{ deleted: true }> {
    await this.repository.mustFind(id);
    await this.repository.delete(id);
    return { deleted: true };
  }

  // One delivery now, whether the channel is enabled or not (testing is how an admin checks a fix before enabling).
  async test(input: RpcInput<'alerts.channels.test'>): Promise<RpcResponse<'alerts.channels.test'>> {
    const doc = await this.repository.mustFind(input.id);
    const now = this.clock.now();
    const notification = testNotification(doc._id, newId('test'), now, input.accountId ?? null);
    return { outcome: await sendThrough(this.senders, this.settings.resolved(doc), notification) };
  }
}
