import { freePort, portIsFree } from '@seatwise/infra/ports';
import { PORT_KEYS, type PortKey, type StackEnv } from './stack-env';

export class PortsInUseError extends Error {
  // what: the port derived from key (a replica's, a NATS node's), when it is not the key's own port.
  constructor(readonly taken: { key: PortKey; port: number; what?: string }[]) {
    super(
      [
        ...taken.map(({ key, port, what }) => `port ${port} (${what ?? key}) is already in use`),
        'Stop whatever listens there (another `npm run stack` or `docker compose up`?), or choose other ports,',
        `e.g. ${[...new Set(taken.map(({ key }) => `${key}=0`))].join(' ')} npm run stack   (0 = any free port)`,
      ].join('\n'),
    );
  }
}

// 0 becomes a free port; a fixed port must be free now, so a clash is reported before anything starts.
export async function resolvePorts(env: StackEnv): Promise<Record<PortKey, number>> {
  const resolved: Partial<Record<PortKey, number>> = {};
  const taken: { key: PortKey; port: number }[] = [];
  const used = new Set<number>();
  for (const key of PORT_KEYS) {
    const wanted = env[key];
    if (wanted !== 0 && (used.has(wanted) || !(await portIsFree(wanted)))) taken.push({ key, port: wanted });
    used.add(wanted);
  }
  if (taken.length > 0) throw new PortsInUseError(taken);
  for (const key of PORT_KEYS) {
    let port = env[key];
    // A picked port must not be one that another key asked for or already got.
    while (port === 0 || (env[key] === 0 && used.has(port))) port = await freePort();
    used.add(port);
    resolved[key] = port;
  }
  return resolved as Record<PortKey, number>;
}
