import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { ReconcileSettings } from '@seatwise/shared/contracts/reconcile-views';
import { Schema } from 'mongoose';

// One document: the MSP's reconciliation settings.
export interface SettingsDoc extends ReconcileSettings {
  _id: 'settings';
  updatedAt: Date;
}

export const DEFAULT_SETTINGS: ReconcileSettings = { defaultEffectiveDate: 'today' };

const schema = new Schema<SettingsDoc>(
  { _id: String, defaultEffectiveDate: String, updatedAt: Date },
  { versionKey: false },
);

@Injectable()
export class SettingsRepository extends MongooseRepository<SettingsDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'ReconcileSettings', collection: 'reconcile_settings', schema });
  }

  async current(): Promise<ReconcileSettings> {
    const doc = await this.findById('settings');
    return { defaultEffectiveDate: doc?.defaultEffectiveDate ?? DEFAULT_SETTINGS.defaultEffectiveDate };
  }

  async save(settings: ReconcileSettings, now: Date): Promise<void> {
    await this.model.updateOne({ _id: 'settings' }, { $set: { ...settings, updatedAt: now } }, { upsert: true }).exec();
  }
}
