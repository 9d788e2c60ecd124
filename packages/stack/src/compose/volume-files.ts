import { natsServerConfig } from '@seatwise/shared/bus/nats-server-config';
import { sealingEnv } from '@seatwise/shared/crypto/sealing-keys';
import { formatEnvFile } from './env-file';
import { natsClusterConfig } from './nats-cluster-config';
import { MONGO_UID, NATS_UID, SECRET_CONSUMERS, type SecretConsumer } from './secret-consumers';
import type { VolumeLayout } from './volume-layout';
import { MONGO_ROOT_USER, mongoPassword, type VolumeSecrets } from './volume-secrets';

// The bus prefix of the compose deployment: nats.json's permissions are for it, and no service overrides it.
export const COMPOSE_BUS_PREFIX = 'seatwise';
export const MONGO_HOST = 'mongo:27017';

// Where the services find MongoDB: the single `mongo` by default; docker-compose.scale.yml's replica set gives the
// secrets service every member and the set's name (SEATWISE_MONGO_HOSTS, SEATWISE_MONGO_REPLICA_SET), so a service
// reaches the set whichever member is up when it starts.
export interface MongoTarget {
  hosts: string;
  replicaSet?: string;
}
export const DEFAULT_MONGO: MongoTarget = { hosts: MONGO_HOST };

// One service's env file: every secret the volume holds that its env schema declares, and nothing else.
export function serviceEnv(
  consumer: SecretConsumer,
  secrets: VolumeSecrets,
  mongo: MongoTarget = DEFAULT_MONGO,
): Record<string, string> {
  const candidates: Record<string, string> = {
    SEATWISE_ENCRYPTION_KEYS: secrets.encryptionKeys,
    SEATWISE_ADMIN_API_KEY: secrets.adminApiKey,
    ...sealingEnv(secrets.sealingKeys),
    ...(consumer.identity === null ? {} : { NATS_PASSWORD: secrets.busPasswords[consumer.identity] }),
    ...(consumer.database === null ? {} : { MONGO_URL: mongoUrl(consumer.service, consumer.database, secrets, mongo) }),
  };
  return Object.fromEntries(Object.entries(candidates).filter(([key]) => key in consumer.schema.shape));
}

// Its own user, authenticated against (and allowed only on) its own database.
function mongoUrl(user: string, database: string, secrets: VolumeSecrets, mongo: MongoTarget): string {
  const pass = mongoPassword(secrets, user);
  const db = encodeURIComponent(database);
  const set = mongo.replicaSet === undefined ? '' : `&replicaSet=${encodeURIComponent(mongo.replicaSet)}`;
  return `mongodb://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@${mongo.hosts}/${db}?authSource=${db}${set}`;
}

export interface VolumeFile {
  path: string;
  // The uid (and gid) that owns it in compose, where the writer runs as root.
  owner: number;
  mode: number;
  // What it holds, derived from secrets.json; absent for what is generated once (the keys, TLS).
  content?: string;
}

// Every file and folder of the volume with who may read it. Derived files are rewritten at every run, so they
// follow the code (a service's new key, a new bus permission) without ever changing a key.
export function volumeFiles(
  layout: VolumeLayout,
  secrets: VolumeSecrets,
  mongo: MongoTarget = DEFAULT_MONGO,
): VolumeFile[] {
  const mongoUsers = SECRET_CONSUMERS.flatMap((c) =>
    c.database === null ? [] : [{ user: c.service, db: c.database, password: mongoPassword(secrets, c.service) }],
  );
  const serverConfig = natsServerConfig({
    passwords: secrets.busPasswords,
    prefix: COMPOSE_BUS_PREFIX,
    tls: { certFile: layout.natsCert, keyFile: layout.natsKey },
  });
  return [
    { path: layout.dir, owner: 0, mode: 0o755 },
    { path: layout.secrets, owner: 0, mode: 0o600 },
    ...SECRET_CONSUMERS.map((c) => ({
      path: layout.envFile(c.service),
      owner: c.uid,
      mode: 0o600,
      content: formatEnvFile(serviceEnv(c, secrets, mongo)),
    })),
    { path: layout.natsConfig, owner: NATS_UID, mode: 0o600, content: serverConfig },
    // Written for every volume (a few lines): the same volume then serves docker-compose.yml and the scale file.
    {
      path: layout.natsClusterConfig,
      owner: NATS_UID,
      mode: 0o600,
      content: natsClusterConfig(serverConfig, {
        certFile: layout.natsCert,
        keyFile: layout.natsKey,
        caFile: layout.caCert,
      }),
    },
    { path: layout.tls, owner: 0, mode: 0o755 },
    { path: layout.caCert, owner: 0, mode: 0o644 },
    { path: layout.caKey, owner: 0, mode: 0o600 },
    { path: layout.natsCert, owner: NATS_UID, mode: 0o644 },
    { path: layout.natsKey, owner: NATS_UID, mode: 0o600 },
    { path: layout.mongo, owner: MONGO_UID, mode: 0o700 },
    {
      path: layout.mongoRootPassword,
      owner: MONGO_UID,
      mode: 0o600,
      content: mongoPassword(secrets, MONGO_ROOT_USER),
    },
    { path: layout.mongoUsers, owner: MONGO_UID, mode: 0o600, content: `${JSON.stringify(mongoUsers, null, 2)}\n` },
    // Generated once (write-secrets); mongod refuses a key file others can read.
    { path: layout.mongoKeyFile, owner: MONGO_UID, mode: 0o400 },
  ];
}
