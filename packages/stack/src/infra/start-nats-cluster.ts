import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { LocalServer } from '@seatwise/infra/local-servers';
import { waitForPort } from '@seatwise/infra/tcp';
import { natsServerConfig } from '@seatwise/shared/bus/nats-server-config';
import type { BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import type { SupervisedChild } from '../process/supervised-child';
import type { Supervisor } from '../process/supervisor';
import { clusterUrl, type NatsNode, natsNodeConfig, natsNodes } from './nats-cluster';

export interface StartedCluster {
  // Every node's client URL, comma-separated: what the services and the provisioner connect to.
  url: string;
  nodes: NatsNode[];
  // By node, in the order of nodes (a spec stops one to show the cluster carries on).
  children: SupervisedChild[];
}

// Starts one nats-server per node under the supervisor, each with the stack's authorization, its own store and
// routes to the others, and resolves once every client port accepts connections. The JetStream cluster may still
// be electing its leader then: provisionBusWhenReady waits for that.
export async function startNatsCluster(
  supervisor: Supervisor,
  nats: LocalServer,
  target: { dir: string; cwd: string; ports: readonly { client: number; route: number }[]; timeoutMs: number },
  // The stack's authorization, as for the single server (start-infra's StackBus).
  bus: { prefix: string; passwords: Record<BusIdentity, string> },
): Promise<StartedCluster> {
  const nodes = natsNodes(target.dir, target.ports);
  const authorization = natsServerConfig({ passwords: bus.passwords, prefix: bus.prefix });
  // Only the nodes of this start know it (their config files are rewritten at every start), so it need not be kept.
  const route = { user: 'route', password: randomBytes(24).toString('base64url') };
  const crashed = supervisor.firstUnexpectedExit();
  const children = nodes.map((node) => {
    mkdirSync(node.storeDir, { recursive: true });
    writeFileSync(node.configFile, natsNodeConfig(authorization, node, nodes, route), { mode: 0o600 });
    return supervisor.start({
      name: node.name,
      tier: 0,
      cwd: target.cwd,
      // As for the single server: nothing of the runner's environment but PATH.
      env: { PATH: process.env['PATH'] },
      command: nats.binary,
      args: [...nats.args(node.clientPort, node.storeDir), '-c', node.configFile],
    });
  });
  await Promise.race([
    Promise.all(
      nodes.map((node) => waitForPort('127.0.0.1', node.clientPort, { what: node.name, timeoutMs: target.timeoutMs })),
    ),
    crashed,
  ]);
  return { url: clusterUrl(nodes), nodes, children };
}
