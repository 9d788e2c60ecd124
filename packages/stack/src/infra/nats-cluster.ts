import { join } from 'node:path';

// One node of the stack's local JetStream cluster: a nats-server of its own with its own store, joined to the
// others by routes on 127.0.0.1.
export interface NatsNode {
  // Its server_name (JetStream clustering requires a unique one) and its log prefix.
  name: string;
  clientPort: number;
  routePort: number;
  storeDir: string;
  configFile: string;
}

export const STACK_CLUSTER_NAME = 'seatwise-stack';

// The nodes of a cluster of ports.length. The store is kept per cluster size: a store that served a single server
// or a cluster of another size holds another JetStream meta group, which these nodes must not pick up.
export function natsNodes(dir: string, ports: readonly { client: number; route: number }[]): NatsNode[] {
  return ports.map((port, index) => {
    const name = `nats-${index + 1}`;
    return {
      name,
      clientPort: port.client,
      routePort: port.route,
      storeDir: join(dir, `nats-cluster-${ports.length}`, name),
      configFile: join(dir, `${name}.json`),
    };
  });
}

// Routes are authenticated too: a route connection is trusted with every message, so without a password any local
// process could join as a node and read the whole bus past the users' permissions.
export interface RouteCredentials {
  user: string;
  password: string;
}

// A node's configuration file: the stack's authorization (natsServerConfig, the same file a single server reads)
// plus its name and the cluster block. Listen address, client port, JetStream and store dir stay on the command line
// as for the single server.
export function natsNodeConfig(
  authorization: string,
  node: NatsNode,
  nodes: readonly NatsNode[],
  route: RouteCredentials,
): string {
  const base = JSON.parse(authorization) as Record<string, unknown>;
  const credentials = `${encodeURIComponent(route.user)}:${encodeURIComponent(route.password)}`;
  const config = {
    ...base,
    server_name: node.name,
    cluster: {
      name: STACK_CLUSTER_NAME,
      listen: `127.0.0.1:${node.routePort}`,
      authorization: { user: route.user, password: route.password, timeout: 5 },
      // Every other node; nats-server finds the rest of a larger cluster through them (gossip) as well.
      routes: nodes
        .filter((other) => other !== node)
        .map((o) => `nats-route://${credentials}@127.0.0.1:${o.routePort}`),
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

// What the services get as NATS_URL: every node, so a service reconnects to another when its node goes.
export function clusterUrl(nodes: readonly NatsNode[]): string {
  return nodes.map((node) => `nats://127.0.0.1:${node.clientPort}`).join(',');
}
