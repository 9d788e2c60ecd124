import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { SECRET_CONSUMERS } from './secret-consumers';
import { volumeLayout } from './volume-layout';
import { writeComposeSecrets } from './write-secrets';

interface UserDoc {
  user: string;
  pwd: string;
  roles: { role: string; db: string }[];
}

// mongosh's side of the init script, recorded: the users each database ends up with.
class FakeDatabases {
  readonly users = new Map<string, Map<string, UserDoc>>();

  getSiblingDB(name: string) {
    const users = this.users.get(name) ?? new Map<string, UserDoc>();
    this.users.set(name, users);
    return {
      getUser: (user: string) => users.get(user) ?? null,
      createUser: (doc: UserDoc) => {
        if (users.has(doc.user)) throw new Error(`user ${doc.user} exists`);
        users.set(doc.user, doc);
      },
      updateUser: (user: string, update: Omit<UserDoc, 'user'>) => {
        if (!users.has(user)) throw new Error(`no user ${user}`);
        users.set(user, { user, ...update });
      },
    };
  }
}

// mongo-init.js cannot run here (no mongod, no mongosh); its logic runs in a VM against a recording `db`, reading
// the users file the writer made, as the mongo image runs it at the first start.
describe('mongo-init.js', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-mongo-init-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function runInit(db: FakeDatabases): string[] {
    const printed: string[] = [];
    const fs = {
      // The script reads the volume's file by its path in the container.
      readFileSync: (path: string, encoding: 'utf8') =>
        readFileSync(path === volumeLayout().mongoUsers ? volumeLayout(dir).mongoUsers : path, encoding),
    };
    const script = readFileSync(join(__dirname, 'mongo-init.js'), 'utf8');
    runInNewContext(script, {
      db,
      require: (name: string) => {
        if (name !== 'fs') throw new Error(`unexpected require(${name})`);
        return fs;
      },
      print: (line: string) => printed.push(line),
    });
    return printed;
  }

  it('gives each service a user with readWrite on its own database only, and can run again', async () => {
    const { secrets } = await writeComposeSecrets(dir);
    const db = new FakeDatabases();
    expect(runInit(db)).toHaveLength(5);
    const withDatabase = SECRET_CONSUMERS.filter((c) => c.database !== null);
    expect([...db.users.keys()].sort()).toEqual(withDatabase.map((c) => c.database).sort());
    for (const consumer of withDatabase) {
      const users = db.users.get(consumer.database ?? '');
      expect([...(users?.values() ?? [])]).toEqual([
        {
          user: consumer.service,
          pwd: secrets.mongoPasswords[consumer.service],
          roles: [{ role: 'readWrite', db: consumer.database }],
        },
      ]);
    }
    expect(runInit(db).every((line) => line.startsWith('updated'))).toBe(true);
  });
});
