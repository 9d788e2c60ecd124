// docker-compose.scale.yml's NATS cluster: three nodes on the compose network, each the `nats` image with the
// generated users and TLS, routes between them over TLS verified at both ends (every node holds the one server
// certificate, whose names cover all three).
export const COMPOSE_NATS_NODES = ['nats', 'nats-2', 'nats-3'] as const;
export const COMPOSE_CLUSTER_NAME = 'seatwise';
export const COMPOSE_ROUTE_PORT = 6222;

export interface ClusterTls {
  certFile: string;
  keyFile: string;
  caFile: string;
}

// nats.json (natsServerConfig: users, permissions, client TLS) plus the cluster block. routes: every node's route
// URL; a node finds itself among them and skips it, so all nodes read one file.
export function natsClusterConfig(
  serverConfig: string,
  tls: ClusterTls,
  routes: readonly string[] = COMPOSE_NATS_NODES.map((node) => `nats-route://${node}:${COMPOSE_ROUTE_PORT}`),
  listen = `0.0.0.0:${COMPOSE_ROUTE_PORT}`,
): string {
  const base = JSON.parse(serverConfig) as Record<string, unknown>;
  const config = {
    ...base,
    cluster: {
      name: COMPOSE_CLUSTER_NAME,
      listen,
      routes,
      // A route carries every message past the users' permissions: only a holder of a certificate from the
      // volume's CA may open one.
      tls: { cert_file: tls.certFile, key_file: tls.keyFile, ca_file: tls.caFile, verify: true, timeout: 5 },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
