import { isInfrastructureError } from '@seatwise/shared/errors/infrastructure-error';
import type { Logger } from '@seatwise/shared/logging/logger';

export interface ReachOptions {
  // The server, for the log ('NATS', 'the database').
  what: string;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

// Opens a connection the service cannot start without, waiting for its server while it is out of reach (#18): a
// replica restarted during a database or NATS outage starts when the server is back instead of exiting, and the
// services of a stack start in any order. Each failed try is logged with when the next comes. Anything else (bad
// credentials, a refused TLS handshake, a malformed URL) fails the start at once, as before.
export async function untilReachable<T>(open: () => Promise<T>, options: ReachOptions): Promise<T> {
  const max = options.maxDelayMs ?? 5_000;
  let delay = options.firstDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (!isInfrastructureError(error)) throw error;
      options.logger.warn(
        { err: error, attempt, retryInMs: delay },
        `${options.what} is out of reach; the service starts once it answers`,
      );
      await options.sleep(delay);
      delay = Math.min(max, delay * 2);
    }
  }
}
