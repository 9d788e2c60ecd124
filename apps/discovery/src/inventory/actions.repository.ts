import { Injectable, type OnModuleInit } from '@nestjs/common';
import { duplicateKeyIndexes } from '@seatwise/platform/db/duplicate-key';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { ensureIndexes, nativeDb } from '@seatwise/platform/db/native-db';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { mongo } from 'mongoose';
import type { Scope } from './ids';

// The action log: who matched, merged or ignored which service, when, and whether a machine did it.
export interface ActionDoc {
  _id: string;
  accountId: string;
  serviceId: string;
  serviceName: string;
  action: 'match' | 'merge' | 'ignore';
  automatic: boolean;
  actor: string;
  note: string | null;
  catalog: CatalogMatch | null;
  intoServiceId: string | null;
  at: Date;
}

// FerretDB 1.x drops the null fields of an inserted entry; reads fill them back.
const ABSENT: Partial<ActionDoc> = { note: null, catalog: null, intoServiceId: null };

@Injectable()
export class ActionsRepository implements OnModuleInit {
  private readonly collection: mongo.Collection<ActionDoc>;

  constructor(connection: MongoConnection) {
    this.collection = nativeDb(connection).collection('actions');
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.collection, [
      { accountId: 1, at: 1, _id: 1 },
      { serviceId: 1, at: 1 },
    ]);
  }

  // Ids of automatic entries are derived from the service, so re-recording one is a no-op.
  async record(actions: readonly ActionDoc[]): Promise<void> {
    if (actions.length === 0) return;
    try {
      await this.collection.insertMany([...actions], { ordered: false });
    } catch (error) {
      // Only duplicates failed (anything else is rethrown): those entries are recorded already.
      duplicateKeyIndexes(error);
    }
  }

  async find(
    scope: Scope,
    filter: mongo.Filter<ActionDoc>,
    sort: Record<string, 1 | -1>,
    limit: number,
  ): Promise<ActionDoc[]> {
    const docs = await this.collection
      .find({ $and: [{ accountId: scope.accountId }, filter] })
      .sort(sort)
      .limit(limit)
      .toArray();
    return docs.map((doc) => fillAbsent(ABSENT, doc));
  }
}
