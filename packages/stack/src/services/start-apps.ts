import type { PortKey } from '../config/stack-env';
import { httpOk } from './http-ok';
import type { Supervisor } from '../process/supervisor';
import { waitUntil, WaitTimeoutError } from '@seatwise/infra/wait';
import { type AppContext, APPS, appSpec, readyUrl } from './app-specs';

// Starts the four services and resolves once every /health/ready answers 200.
export async function startApps(
  supervisor: Supervisor,
  ports: Record<PortKey, number>,
  context: AppContext,
  timeoutMs: number,
  say: (line: string) => void,
): Promise<void> {
  const crashed = supervisor.firstUnexpectedExit();
  const ready = APPS.map((app) => {
    const port = ports[app.portKey];
    const child = supervisor.start(appSpec(app, port, context));
    return waitUntil(() => httpOk(readyUrl(port)), {
      timeoutMs,
      intervalMs: 500,
      what: `${app.name} ${readyUrl(port)}`,
    }).then(
      () => {
        say(`${app.name} is ready`);
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
