import type { OnApplicationShutdown } from '@nestjs/common';
import { connectMongo, pingMongo, type MongoOptions } from '@seatwise/shared/db/mongo';
import type { Connection } from 'mongoose';

// The service's MongoDB connection; repositories build their models on it.
export class MongoConnection implements OnApplicationShutdown {
  private constructor(readonly connection: Connection) {}

  static async open(
    url: string,
    dbName: string,
    appName: string,
    options: Pick<MongoOptions, 'socketTimeoutMs'> = {},
  ): Promise<MongoConnection> {
    return new MongoConnection(await connectMongo({ url, dbName, appName, ...options }));
  }

  ping(timeoutMs: number): Promise<boolean> {
    return pingMongo(this.connection, timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
