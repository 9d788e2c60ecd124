import type { PortKey } from '../config/stack-env';
import { httpOk } from './http-ok';
import type { Supervisor } from '../process/supervisor';
import { waitUntil, WaitTimeoutError } from '@seatwise/infra/wait';
import { type AppContext, appProcesses, readyUrl } from './app-specs';

// Starts the services (each replica on its port in replicaPorts, when given) and resolves once every
// /health/ready answers 200.
export async function startApps(
  supervisor: Supervisor,
  ports: Record<PortKey, number>,
  context: AppContext,
  timeoutMs: number,
  say: (line: string) => void,
  replicaPorts: Partial<Record<PortKey, readonly number[]>> = {},
): Promise<void> {
  const crashed = supervisor.firstUnexpectedExit();
  const ready = appProcesses(ports, replicaPorts, context).map(({ port, spec }) => {
    const child = supervisor.start(spec);
    return waitUntil(() => httpOk(readyUrl(port)), {
      timeoutMs,
      intervalMs: 500,
      what: `${spec.name} ${readyUrl(port)}`,
    }).then(
      () => {
        say(`${spec.name} is ready`);
      },
      (error: unknown) => {
        if (!(error instanceof WaitTimeoutError)) throw error;
        throw new WaitTimeoutError(
          `${error.message} (SEATWISE_STARTUP_TIMEOUT_MS); its last lines:\n${child
            .tail()
            .map((l) => `  ${l}`)
            .join('\n')}`,
        );
      },
    );
  });
  await Promise.race([Promise.all(ready), crashed]);
}
