import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { SERVICE_STATUSES, type ServiceStatus } from '@seatwise/shared/contracts/discovery-views';
import { z } from 'zod';
import type { AccountsScope } from './account-counts';
import { PackedByAccountRepository } from './packed-by-account.repository';

// What the account summary counts of one service (copied from the service document at every write).
export interface ServiceFigure {
  status: ServiceStatus;
  matched: boolean;
  firstSeen: Date;
  lastSeen: Date;
  authCount: number;
}

// The service document's fields a figure is made from.
export interface FigureSource {
  _id: string;
  accountId: string;
  status: ServiceStatus;
  catalog: unknown;
  firstSeen: Date;
  lastSeen: Date;
  authCount: number;
}

export interface AccountFigures {
  accountId: string;
  figures: ServiceFigure[];
}

const packedFigure = z.object({
  status: z.enum(SERVICE_STATUSES),
  matched: z.boolean(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  authCount: z.number(),
});
type PackedFigure = z.infer<typeof packedFigure>;

// Each account's services' figures, packed (see PackedByAccountRepository): what the account summary (the console's
// overview) reads instead of the services themselves. Put by ServicesRepository after every write of services.
@Injectable()
export class ServiceFiguresRepository extends PackedByAccountRepository<PackedFigure> {
  constructor(connection: MongoConnection) {
    super(connection, 'service_figures', 'service-figures/1', packedFigure);
  }

  // `whole`: every service of the inventory (see putEntries).
  put(services: Iterable<FigureSource>, whole = false): Promise<void> {
    const entries = [...services].map((s) => ({ accountId: s.accountId, id: s._id, entry: packedOf(s) }));
    return this.putEntries(entries, whole);
  }

  // The figures of one account, or of every account with services.
  async *of(scope: AccountsScope): AsyncGenerator<AccountFigures> {
    for await (const { accountId, entries } of this.entriesOf(scope)) {
      yield { accountId, figures: [...entries.values()].map(figureOf) };
    }
  }
}

function packedOf(service: FigureSource): PackedFigure {
  return {
    status: service.status,
    matched: service.catalog !== null,
    firstSeen: service.firstSeen.getTime(),
    lastSeen: service.lastSeen.getTime(),
    authCount: service.authCount,
  };
}

function figureOf(packed: PackedFigure): ServiceFigure {
  return { ...packed, firstSeen: new Date(packed.firstSeen), lastSeen: new Date(packed.lastSeen) };
}
