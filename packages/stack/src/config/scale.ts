// How many of each process `npm run stack` runs: service replicas and NATS cluster nodes. The default (1 and 1)
// is the stack as it always was: one process per service and a single nats-server.
export interface StackScale {
  replicas: number;
  natsCluster: number;
}

export const DEFAULT_SCALE: StackScale = { replicas: 1, natsCluster: 1 };

// More than this is no longer a local stack on one machine (every replica is a Node process of ~100 MB).
export const MAX_REPLICAS = 5;
export const MAX_NATS_CLUSTER = 7;

export class ScaleError extends Error {}

// The flags as parseArgs gives them (strings, absent when not given). Throws a ScaleError naming the flag.
export function parseScale(values: { replicas?: string | undefined; natsCluster?: string | undefined }): StackScale {
  const replicas = count('--replicas', values.replicas, DEFAULT_SCALE.replicas);
  if (replicas < 1 || replicas > MAX_REPLICAS) {
    throw new ScaleError(`--replicas ${replicas}: must be between 1 and ${MAX_REPLICAS} (each service's processes)`);
  }
  const natsCluster = count('--nats-cluster', values.natsCluster, DEFAULT_SCALE.natsCluster);
  // A JetStream cluster needs a majority of its nodes for every write: an even count tolerates no more failures
  // than one node fewer, and two nodes tolerate none.
  if (natsCluster !== 1 && (natsCluster < 3 || natsCluster % 2 === 0 || natsCluster > MAX_NATS_CLUSTER)) {
    throw new ScaleError(
      `--nats-cluster ${natsCluster}: must be 1 (a single nats-server) or an odd count from 3 to ${MAX_NATS_CLUSTER} ` +
        '(a JetStream cluster needs a majority of its nodes up; an even count adds no tolerance)',
    );
  }
  return { replicas, natsCluster };
}

function count(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ScaleError(`${flag} ${JSON.stringify(raw)}: must be a whole number`);
  return Number(raw.trim());
}
