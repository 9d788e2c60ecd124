import { join } from 'node:path';
import { natsServerConfig } from '@seatwise/shared/bus/nats-server-config';
import { generateBusPasswords } from '../config/secrets';
import { clusterUrl, natsNodeConfig, natsNodes, STACK_CLUSTER_NAME } from './nats-cluster';

const dir = '/tmp/stack';
const ports = [
  { client: 4223, route: 6223 },
  { client: 4224, route: 6224 },
  { client: 4225, route: 6225 },
];
const passwords = generateBusPasswords();
const authorization = natsServerConfig({ passwords, prefix: 'seatwise' });
const route = { user: 'route', password: 'r0ute-pa$$/word' };
const nodes = natsNodes(dir, ports);

interface NodeConfig {
  server_name: string;
  authorization: unknown;
  cluster: { name: string; listen: string; authorization: { user: string; password: string }; routes: string[] };
}

const configOf = (index: number): NodeConfig => {
  const node = nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  return JSON.parse(natsNodeConfig(authorization, node, nodes, route)) as NodeConfig;
};

describe("the stack's NATS cluster nodes", () => {
  it('are named nats-1… with their own ports, store dirs (kept per cluster size) and config files', () => {
    expect(nodes).toEqual([
      {
        name: 'nats-1',
        clientPort: 4223,
        routePort: 6223,
        storeDir: join(dir, 'nats-cluster-3', 'nats-1'),
        configFile: join(dir, 'nats-1.json'),
      },
      {
        name: 'nats-2',
        clientPort: 4224,
        routePort: 6224,
        storeDir: join(dir, 'nats-cluster-3', 'nats-2'),
        configFile: join(dir, 'nats-2.json'),
      },
      {
        name: 'nats-3',
        clientPort: 4225,
        routePort: 6225,
        storeDir: join(dir, 'nats-cluster-3', 'nats-3'),
        configFile: join(dir, 'nats-3.json'),
      },
    ]);
    // A single server's store (.seatwise/nats) is never one of them.
    expect(new Set(nodes.map((n) => n.storeDir)).size).toBe(3);
    expect(nodes.map((n) => n.storeDir)).not.toContain(join(dir, 'nats'));
  });

  it('each read the same authorization as the single server, with a server name of its own', () => {
    const auth = (JSON.parse(authorization) as { authorization: unknown }).authorization;
    for (const [index, node] of nodes.entries()) {
      const config = configOf(index);
      expect(config.server_name).toBe(node.name);
      expect(config.authorization).toEqual(auth);
    }
  });

  it('listen for routes on 127.0.0.1, in one named cluster, and route to every other node with the password', () => {
    for (const [index, node] of nodes.entries()) {
      const { cluster } = configOf(index);
      expect(cluster.name).toBe(STACK_CLUSTER_NAME);
      expect(cluster.listen).toBe(`127.0.0.1:${node.routePort}`);
      expect(cluster.authorization).toMatchObject(route);
      const others = nodes.filter((other) => other !== node);
      expect(cluster.routes).toEqual(
        others.map((o) => `nats-route://route:${encodeURIComponent(route.password)}@127.0.0.1:${o.routePort}`),
      );
      // The password survives the URL: decoded, it is the route password.
      for (const url of cluster.routes) expect(decodeURIComponent(new URL(url).password)).toBe(route.password);
    }
  });

  it("gives the services every node's client URL", () => {
    expect(clusterUrl(nodes)).toBe('nats://127.0.0.1:4223,nats://127.0.0.1:4224,nats://127.0.0.1:4225');
  });
});
