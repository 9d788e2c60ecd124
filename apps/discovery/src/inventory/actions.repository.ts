import { Injectable } from '@nestjs/common';
import { duplicateKeyIndexes } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ACTION_KINDS } from '@seatwise/shared/contracts/discovery-views';
import { ScopedRepository } from './scoped.repository';
import type { ServiceDoc } from './services.repository';

// The action log: who matched, merged or ignored which service, when, and whether a machine did it.
export interface ActionDoc {
  _id: string;
  accountId: string;
  serviceId: string;
  serviceName: string;
  action: (typeof ACTION_KINDS)[number];
  automatic: boolean;
  actor: string;
  note: string | null;
  catalog: CatalogMatch | null;
  intoServiceId: string | null;
  at: Date;
}

// An entry about `service`: which action, by whom, when, and what it carries beyond the service.
export function actionOn(
  service: ServiceDoc,
  entry: Pick<ActionDoc, '_id' | 'action' | 'automatic' | 'actor' | 'at'> & Partial<ActionDoc>,
): ActionDoc {
  return {
    accountId: service.accountId,
    serviceId: service._id,
    serviceName: service.name,
    note: null,
    catalog: null,
    intoServiceId: null,
    ...entry,
  };
}

// FerretDB 1.x drops the null fields of an inserted entry; reads fill them back.
const ABSENT: Partial<ActionDoc> = { note: null, catalog: null, intoServiceId: null };

@Injectable()
export class ActionsRepository extends ScopedRepository<ActionDoc> {
  constructor(connection: MongoConnection) {
    super(
      connection,
      'actions',
      [
        { accountId: 1, at: 1, _id: 1 },
        { serviceId: 1, at: 1 },
      ],
      ABSENT,
    );
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
}
