import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';

// What the database server does that the inventories' reads and writes adapt to, asked once: FerretDB 1.x reports
// `ferretdbVersion` v1.* in buildInfo, MongoDB and FerretDB 2 do not. FerretDB 1.24 on SQLite reads the whole
// collection for any filter but `_id` equality or `_id $in` (the latter with the provisioning script's patch), and
// runs each update as a scan (see bulk-docs).
@Injectable()
export class ServerTraits {
  private ferretdb1: Promise<boolean> | undefined;

  constructor(private readonly connection: MongoConnection) {}

  isFerretdb1(): Promise<boolean> {
    this.ferretdb1 ??= this.ask();
    return this.ferretdb1;
  }

  private async ask(): Promise<boolean> {
    const info = await nativeDb(this.connection).admin().command({ buildInfo: 1 });
    const version: unknown = info['ferretdbVersion'];
    return typeof version === 'string' && version.startsWith('v1.');
  }
}
