import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { ApiKeyRole } from '@seatwise/shared/contracts/gateway-api';
import { Schema } from 'mongoose';

export interface SessionDoc {
  // sha256 (hex) of the cookie's token: the token itself is never stored, and a lookup is by _id
  // equality (fast on FerretDB too).
  _id: string;
  keyId: string;
  name: string;
  role: ApiKeyRole;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<SessionDoc>(
  {
    _id: String,
    keyId: String,
    name: String,
    role: String,
    csrfToken: String,
    createdAt: Date,
    expiresAt: Date,
  },
  { versionKey: false },
);

// MongoDB's code for an option the server does not implement (FerretDB 1.x for expireAfterSeconds).
const NOT_IMPLEMENTED = 238;

// Console sessions, shared by every gateway process (a cross-tenant collection, like API keys).
@Injectable()
export class SessionRepository extends MongooseRepository<SessionDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'Session', collection: 'sessions', schema });
  }

  // MongoDB removes expired sessions itself (a TTL index). FerretDB refuses the TTL option and would
  // not run the monitor anyway: there the index is a plain one, readers check expiresAt and sign-ins
  // sweep the expired sessions (deleteExpired).
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    const collection = this.model.collection;
    try {
      await collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }, undefined);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== NOT_IMPLEMENTED) throw error;
      await collection.createIndex({ expiresAt: 1 }, undefined, undefined);
    }
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.model.deleteMany({ expiresAt: { $lte: now } }).exec();
  }
}
