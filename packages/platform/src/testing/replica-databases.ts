import { createTestScope, dropDatabase, type TestScope } from '@seatwise/testing/scope';
import { MongoConnection } from '../db/mongo-connection';

// Connections of several replicas of a service to one fresh database per round, for specs of what replicas do to a
// database at once (first upserts on FerretDB 1.24 above all). `close` ends them and drops every database.
export class ReplicaDatabases {
  // Made at the first round: the harness's servers are known once its global setup ran.
  private scope: TestScope | null = null;
  private readonly connections: MongoConnection[] = [];
  private readonly databases: string[] = [];

  // One connection per replica name, each its own client as a replica's would be, to the round's database.
  async open(round: number, replicas: readonly string[]): Promise<MongoConnection[]> {
    const scope = (this.scope ??= createTestScope());
    const db = `${scope.dbName}_${round}`;
    this.databases.push(db);
    return Promise.all(
      replicas.map(async (name) => {
        const mongo = await MongoConnection.open(scope.mongoUrl, db, name);
        this.connections.push(mongo);
        return mongo;
      }),
    );
  }

  async close(): Promise<void> {
    if (!this.scope) return;
    for (const mongo of this.connections) await mongo.onApplicationShutdown();
    for (const db of this.databases) await dropDatabase(this.scope.mongoUrl, db);
    await this.scope.cleanup();
  }
}
