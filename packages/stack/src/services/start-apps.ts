import type { PortKey } from '../config/stack-env';
import { httpOk } from './http-ok';
import type { SupervisedChild } from '../process/supervised-child';
import type { Supervisor } from '../process/supervisor';
import { waitUntil, WaitTimeoutError } from '@seatwise/infra/wait';
import { type AppContext, type AppProcess, appProcesses, readyUrl } from './app-specs';

// Starts the services (each replica on its port in replicaPorts, when given) and resolves once every
// /health/ready answers 200. Replicas start in waves: the first of every service, and once all of those are ready
// the second of every service, and so on. A service's start-up writes (its stored secrets' rotation, discovery's
// catalog state) are first upserts of one document, which FerretDB 1.24 does not isolate: two replicas starting
// together failed one with a duplicate key. Starting after a ready replica, they update instead.
export async function startApps(
  supervisor: Supervisor,
  ports: Record<PortKey, number>,
  context: AppContext,
  timeoutMs: number,
  say: (line: string) => void,
  replicaPorts: Partial<Record<PortKey, readonly number[]>> = {},
): Promise<StartedApp[]> {
  const crashed = supervisor.firstUnexpectedExit();
  const processes = appProcesses(ports, replicaPorts, context);
  const started: StartedApp[] = [];
  for (const wave of new Set(processes.map((p) => p.replica))) {
    const ready = processes
      .filter((p) => p.replica === wave)
      .map(async (p) => ({ process: p, child: await startAppProcess(supervisor, p, timeoutMs, say) }));
    started.push(...(await Promise.race([Promise.all(ready), crashed])));
  }
  return started;
}

// One process of a service and the child running it (the fault run kills it and starts it again from process).
export interface StartedApp {
  process: AppProcess;
  child: SupervisedChild;
}

// Starts one process of a service and resolves with it once its /health/ready answers 200.
async function startAppProcess(
  supervisor: Supervisor,
  { port, spec }: AppProcess,
  timeoutMs: number,
  say: (line: string) => void,
): Promise<SupervisedChild> {
  const child = supervisor.start(spec);
  await waitUntil(() => httpOk(readyUrl(port)), {
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
  return child;
}
