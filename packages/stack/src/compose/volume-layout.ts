import { join } from 'node:path';

// Where compose mounts the `secrets` volume in every container that uses it.
export const VOLUME_DIR = '/secrets';

// The files of the secrets volume, under the directory they live in (/secrets in compose, a temporary one in
// specs): the paths inside nats.json and the env files are written for that directory.
export function volumeLayout(dir: string = VOLUME_DIR) {
  const tls = join(dir, 'tls');
  const mongo = join(dir, 'mongo');
  return {
    dir,
    // Every generated key and password (read only by the secrets service): the other files derive from it.
    secrets: join(dir, 'secrets.json'),
    // The one env file every service sourced before each had its own; upgraded into secrets.json.
    legacyEnv: join(dir, 'stack.env'),
    envFile: (service: string) => join(dir, `${service}.env`),
    natsConfig: join(dir, 'nats.json'),
    // The same plus the cluster block, for docker-compose.scale.yml's three nodes (each names itself with -n).
    natsClusterConfig: join(dir, 'nats-cluster.json'),
    tls,
    caCert: join(tls, 'ca.pem'),
    caKey: join(tls, 'ca-key.pem'),
    natsCert: join(tls, 'nats-cert.pem'),
    natsKey: join(tls, 'nats-key.pem'),
    mongo,
    mongoRootPassword: join(mongo, 'root-password'),
    mongoUsers: join(mongo, 'users.json'),
    // The replica set's shared key (docker-compose.scale.yml): members authenticate one another with it.
    mongoKeyFile: join(mongo, 'keyfile'),
  };
}

export type VolumeLayout = ReturnType<typeof volumeLayout>;
