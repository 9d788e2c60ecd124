import type { z } from 'zod';
import type { BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import { demoEnvSchema } from '../demo/demo-env';
import { APPS } from '../services/app-specs';
import { busSetupEnvSchema } from './bus-setup-env';

// A compose service that sources an env file of the secrets volume. Which secrets land in it follows from its env
// schema's keys alone, so a secret reaches no service whose schema does not declare it.
export interface SecretConsumer {
  // The compose service, and its file: /secrets/<service>.env.
  service: string;
  schema: z.ZodObject;
  // The user it runs as (compose `user:`), owner of its env file (0600): every container mounts the same volume,
  // so only file ownership keeps one service from reading another's secrets.
  uid: number;
  // Its NATS user, when it connects to the bus.
  identity: BusIdentity | null;
  // Its own MongoDB database (its MONGO_DB default), where its MongoDB user lives, when it has one.
  database: string | null;
}

// nats:2.10-alpine runs as root; mongo:7's entrypoint steps down to its `mongodb` user (uid 999) before it reads
// MONGO_INITDB_ROOT_PASSWORD_FILE and runs the init scripts.
export const NATS_UID = 0;
export const MONGO_UID = 999;

const APP_UIDS: Readonly<Record<string, number>> = {
  'duo-connector': 10001,
  discovery: 10002,
  reconcile: 10003,
  alerts: 10004,
  gateway: 10005,
};

function defaultDatabase(schema: z.ZodObject): string | null {
  if (!('MONGO_DB' in schema.shape)) return null;
  const parsed = (schema.shape['MONGO_DB'] as z.ZodType).safeParse(undefined);
  if (!parsed.success || typeof parsed.data !== 'string') throw new Error('MONGO_DB has no default database');
  return parsed.data;
}

export const SECRET_CONSUMERS: readonly SecretConsumer[] = [
  ...APPS.map((app) => {
    const uid = APP_UIDS[app.dir];
    if (uid === undefined) throw new Error(`no compose user for ${app.dir}`);
    return { service: app.dir, schema: app.schema, uid, identity: app.identity, database: defaultDatabase(app.schema) };
  }),
  { service: 'demo', schema: demoEnvSchema, uid: 10006, identity: null, database: null },
  { service: 'bus-setup', schema: busSetupEnvSchema, uid: 10007, identity: 'provisioner', database: null },
];
