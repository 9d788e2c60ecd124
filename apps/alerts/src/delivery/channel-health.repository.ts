import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';

interface ChannelHealthDoc {
  _id: string; // channel id
  // Notifications in a row this channel failed after their retries (a delivery resets it).
  consecutiveFailures: number;
  updatedAt: Date;
}

const schema = new Schema<ChannelHealthDoc>(
  { _id: String, consecutiveFailures: Number, updatedAt: Date },
  { versionKey: false },
);

// Written by the dispatcher alone (one pass at a time), so read-then-write is enough here.
@Injectable()
export class ChannelHealthRepository extends MongooseRepository<ChannelHealthDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AlertChannelHealth', collection: 'alert_channel_health', schema });
  }

  async failed(channelId: string, at: Date): Promise<number> {
    const count = ((await this.findById(channelId))?.consecutiveFailures ?? 0) + 1;
    await this.model
      .replaceOne({ _id: channelId }, { consecutiveFailures: count, updatedAt: at }, { upsert: true })
      .exec();
    return count;
  }

  async delivered(channelId: string, at: Date): Promise<void> {
    await this.model
      .updateOne({ _id: channelId, consecutiveFailures: { $gt: 0 } }, { consecutiveFailures: 0, updatedAt: at })
      .exec();
  }
}
