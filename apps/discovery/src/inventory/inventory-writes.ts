import { Inject, Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/discovery-env';
import { nativeDb } from '@seatwise/platform/db/native-db';

export type WriteMode = 'replace' | 'rewrite';

// Which way the inventories are written (see DISCOVERY_INVENTORY_WRITES). `auto` asks the server:
// FerretDB 1.x reports `ferretdbVersion` v1.* in buildInfo, MongoDB and FerretDB 2 do not.
@Injectable()
export class InventoryWrites {
  private resolved: Promise<WriteMode> | undefined;

  constructor(
    private readonly connection: MongoConnection,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  mode(): Promise<WriteMode> {
    this.resolved ??= this.resolve();
    return this.resolved;
  }

  private async resolve(): Promise<WriteMode> {
    const configured = this.env.DISCOVERY_INVENTORY_WRITES;
    if (configured !== 'auto') return configured;
    const info = await nativeDb(this.connection).admin().command({ buildInfo: 1 });
    const ferret: unknown = info['ferretdbVersion'];
    return typeof ferret === 'string' && ferret.startsWith('v1.') ? 'rewrite' : 'replace';
  }
}
