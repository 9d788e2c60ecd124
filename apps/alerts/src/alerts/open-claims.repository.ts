import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';

interface OpenClaimDoc {
  _id: string; // `<ruleId>|<conditionKey>`
  alertId: string;
  at: Date;
}

const schema = new Schema<OpenClaimDoc>({ _id: String, alertId: String, at: Date }, { versionKey: false });
const claimId = (ruleId: string, key: string): string => `${ruleId}|${key}`;

// At most one open alert per (rule, condition): the unique _id of its claim. A conditional update is no
// compare-and-set on FerretDB 1.24 (it reads and writes separately), an insert of a unique id is, on both.
// The claim names the alert it opened and is deleted when that alert has resolved and notified.
@Injectable()
export class OpenClaimsRepository extends MongooseRepository<OpenClaimDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AlertOpenClaim', collection: 'alert_open_claims', schema });
  }

  // The alert that holds the condition: `alertId` when this call took the claim, else the holder's.
  async take(ruleId: string, key: string, alertId: string, at: Date): Promise<{ alertId: string; taken: boolean }> {
    const id = claimId(ruleId, key);
    try {
      await this.insert({ _id: id, alertId, at });
      return { alertId, taken: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const holder = await this.findById(id);
    // Released between the insert and the read: take it again.
    if (!holder) return this.take(ruleId, key, alertId, at);
    return { alertId: holder.alertId, taken: false };
  }

  async holder(ruleId: string, key: string): Promise<string | null> {
    return (await this.findById(claimId(ruleId, key)))?.alertId ?? null;
  }

  async release(ruleId: string, key: string, alertId: string): Promise<void> {
    await this.model.deleteOne({ _id: claimId(ruleId, key), alertId }).exec();
  }
}
