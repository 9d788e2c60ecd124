import { freePort, portIsFree } from '@seatwise/infra/ports';
import { PortsInUseError } from './resolve-ports';
import type { StackScale } from './scale';
import type { PortKey } from './stack-env';

// The ports of the processes beyond the default stack's, derived from the resolved base ports so the default
// stack's ports do not move: the first replica of each service and the first NATS node keep theirs.
export interface ScalePorts {
  // Per NATS node: its client port and its cluster (route) port; one entry without a cluster.
  nats: { client: number; route: number | null }[];
  // Per service port key: the port of each replica, the first being the base port.
  apps: Partial<Record<PortKey, number[]>>;
}

// Replica k (from 1) of a service on a fixed port p listens on p + 100·k: 3000 → 3100, 3001 → 3101, … so the
// replicas of one service sit beside each other's numbers and clear the default stack's 3000–3011.
export const REPLICA_PORT_STEP = 100;
// Node k (from 1) of the NATS cluster on a fixed client port p takes p + k, its route port p + 2000 + k.
export const NATS_ROUTE_OFFSET = 2000;

export interface DerivedPort {
  // The base key it is derived from (the key an operator changes to move it).
  key: PortKey;
  what: string;
  // null when the base key is 0: any free port.
  fixed: number | null;
}

// What each extra port would be, before checking: a pure function, for the specs.
export function derivedPorts(
  base: Record<PortKey, number>,
  zeroKeys: ReadonlySet<PortKey>,
  scale: StackScale,
  appKeys: readonly PortKey[],
): { nats: { client: DerivedPort; route: DerivedPort | null }[]; apps: Record<string, DerivedPort[]> } {
  const at = (key: PortKey, offset: number, what: string): DerivedPort => ({
    key,
    what,
    fixed: zeroKeys.has(key) ? null : base[key] + offset,
  });
  const nats: { client: DerivedPort; route: DerivedPort | null }[] = [];
  for (let node = 0; node < scale.natsCluster; node += 1) {
    const client =
      node === 0
        ? { key: 'SEATWISE_NATS_PORT' as const, what: 'nats-1 client', fixed: base.SEATWISE_NATS_PORT }
        : at('SEATWISE_NATS_PORT', node, `nats-${node + 1} client`);
    const route =
      scale.natsCluster === 1 ? null : at('SEATWISE_NATS_PORT', NATS_ROUTE_OFFSET + node, `nats-${node + 1} route`);
    nats.push({ client, route });
  }
  const apps: Record<string, DerivedPort[]> = {};
  for (const key of appKeys) {
    const ports: DerivedPort[] = [{ key, what: key, fixed: base[key] }];
    for (let replica = 1; replica < scale.replicas; replica += 1) {
      ports.push(at(key, REPLICA_PORT_STEP * replica, `replica ${replica + 1} of ${key}`));
    }
    apps[key] = ports;
  }
  return { nats, apps };
}

// The extra ports, checked free (a fixed one) or picked (0), never one the base stack or another extra has.
export async function resolveScalePorts(
  base: Record<PortKey, number>,
  zeroKeys: ReadonlySet<PortKey>,
  scale: StackScale,
  appKeys: readonly PortKey[],
): Promise<ScalePorts> {
  const plan = derivedPorts(base, zeroKeys, scale, appKeys);
  const used = new Set<number>(Object.values(base));
  const taken: { key: PortKey; port: number; what: string }[] = [];
  const extras = [
    ...plan.nats.slice(1).map((n) => n.client),
    ...plan.nats.flatMap((n) => (n.route === null ? [] : [n.route])),
    ...Object.values(plan.apps).flatMap((ports) => ports.slice(1)),
  ];
  for (const port of extras) {
    if (port.fixed === null) continue;
    if (port.fixed > 65535 || used.has(port.fixed) || !(await portIsFree(port.fixed))) {
      taken.push({ key: port.key, port: port.fixed, what: port.what });
    }
    used.add(port.fixed);
  }
  if (taken.length > 0) throw new PortsInUseError(taken);
  const pick = async (port: DerivedPort): Promise<number> => {
    if (port.fixed !== null) return port.fixed;
    let picked = await freePort();
    while (used.has(picked)) picked = await freePort();
    used.add(picked);
    return picked;
  };
  const nats: ScalePorts['nats'] = [];
  for (const node of plan.nats) {
    nats.push({ client: await pick(node.client), route: node.route === null ? null : await pick(node.route) });
  }
  const apps: Partial<Record<PortKey, number[]>> = {};
  for (const key of appKeys) {
    const ports: number[] = [];
    for (const port of plan.apps[key] ?? []) ports.push(await pick(port));
    apps[key] = ports;
  }
  return { nats, apps };
}
