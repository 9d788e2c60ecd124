import { createServiceApp } from '@seatwise/platform/bootstrap/create-service-app';
import { parseEnv } from '@seatwise/shared/config/env';
import { envSchema } from '@seatwise/shared/config/gateway-env';
import { createLogger } from '@seatwise/shared/logging/logger';
import type { TestScope } from '@seatwise/testing/scope';
import { Writable } from 'node:stream';
import { service } from '../service';
import { SEALING_ENV } from './sealing-env';

export interface TestGateway {
  url: string;
  // Every log line the gateway wrote (pino JSON), to assert what never appears in them.
  logs(): string;
  close(): Promise<void>;
}

// The gateway in-process, wired exactly as main wires it (sealing secrets to the services' keys), with its log
// captured.
export async function startGateway(rawEnv: Record<string, string>): Promise<TestGateway> {
  const env = parseEnv(envSchema, { ...SEALING_ENV, ...rawEnv });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger('gateway', env.LOG_LEVEL, sink);
  const { app } = await createServiceApp(service, env, logger);
  await app.listen(env.PORT, env.HOST);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, logs: () => lines.join(''), close: () => app.close() };
}

// The scope of a gateway of its own deployment (bus prefix) over the same database: replicas of one deployment share
// their rate limits on the bus (auth/rate-limit-share.ts), so a gateway with its own limits that joined the spec's
// gateway would start with the spending of the other tests' requests. Only for routes that answer without RPC.
export function apartScope(scope: TestScope): TestScope {
  return { ...scope, busPrefix: `${scope.busPrefix}apart` };
}
