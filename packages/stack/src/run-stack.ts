import { startApps } from './services/start-apps';
import type { StackPaths } from './config/paths';
import { writeStackFile, type StackFile } from './config/stack-file';
import type { StackEnv } from './config/stack-env';
import { seedDemo } from './demo/seed-demo';
import { MissingToolError } from './infra/infra-specs';
import { type InfraUrls, startInfra } from './infra/start-infra';
import { type MailpitUrls, startMailpit } from './infra/start-mailpit';
import type { AppContext } from './services/app-specs';
import { type LogOutput } from './process/log-output';
import { PidRegistry } from './process/pid-registry';
import { ChildExitedError, Supervisor } from './process/supervisor';
import { type Prepared, prepare, StackStartError } from './prepare';
import { PortsInUseError } from './config/resolve-ports';
import { WaitTimeoutError } from '@seatwise/infra/wait';
import { startSimulators } from './sims/start-sims';
import { baseEnvSchema } from '@seatwise/shared/config/env';
import { printBanner } from './banner';
import { DEFAULT_SCALE, type StackScale } from './config/scale';
import type { ScalePorts } from './config/scale-ports';

const DUPLICATE_SIGNAL_MS = 1_500;

export interface StackOptions {
  paths: StackPaths;
  env: StackEnv;
  processEnv: NodeJS.ProcessEnv;
  fresh: boolean;
  output: LogOutput;
  // Service replicas and NATS nodes; absent, one of each (the default stack).
  scale?: StackScale;
}

// Runs the stack until a signal or a crash; resolves with the runner's exit code once every process is gone.
export async function runStack(options: StackOptions): Promise<number> {
  const { paths, output } = options;
  const say = (line: string): void => {
    output.line('stack', line);
  };
  let prepared;
  try {
    prepared = await prepare(
      paths,
      options.env,
      options.processEnv,
      options.fresh,
      say,
      options.scale ?? DEFAULT_SCALE,
    );
  } catch (error) {
    return fail(say, error);
  }
  const supervisor = new Supervisor(output, new PidRegistry(paths.pids));
  let stopping: Promise<number> | null = null;
  let settle: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => {
    settle = resolve;
  });
  const stop = (code: number, why: string): Promise<number> => {
    if (stopping) return stopping;
    for (const line of why.split('\n')) say(line);
    stopping = supervisor.stopAll().then(() => {
      say('every process of the stack has stopped');
      settle(code);
      return code;
    });
    return stopping;
  };
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!stopping) {
      firstSignalAt = Date.now();
      void stop(0, `${signal}: stopping the stack (Ctrl-C again to kill everything at once)`);
      return;
    }
    // One Ctrl-C often arrives twice (from the terminal and forwarded by npm): only a later one is a second press.
    if (Date.now() - firstSignalAt < DUPLICATE_SIGNAL_MS) return;
    say(`${signal} again: killing everything now`);
    supervisor.killAll();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  supervisor.onUnexpectedExit((error) => {
    void stop(1, error.message);
  });

  // A signal or crash during start-up ends the wait at once instead of after the start-up timeout.
  await Promise.race([
    startAll(supervisor, options, prepared, say).catch((error: unknown) => {
      void stop(1, describe(error));
    }),
    exitCode,
  ]);
  return exitCode;
}

async function startAll(
  supervisor: Supervisor,
  options: StackOptions,
  prepared: Prepared,
  say: (line: string) => void,
): Promise<void> {
  const { paths, env, output } = options;
  const { ports, scalePorts, secrets, simState } = prepared;
  const infra = await startInfra(
    supervisor,
    paths,
    { nats: ports.SEATWISE_NATS_PORT, mongo: ports.SEATWISE_MONGO_PORT, natsCluster: clusterPorts(scalePorts) },
    { prefix: busPrefixOf(options.processEnv), passwords: secrets.busPasswords },
    say,
  );
  say(`NATS at ${infra.natsUrl}, ${infra.mongoKind} at ${infra.mongoUrl}`);
  const mailpit = await startMailpit(
    supervisor,
    paths,
    { smtp: ports.SEATWISE_MAILPIT_SMTP_PORT, http: ports.SEATWISE_MAILPIT_HTTP_PORT },
    say,
  );
  say(`Mailpit (SMTP) at ${mailpit.smtpHost}:${mailpit.smtpPort}, inbox at ${mailpit.inboxUrl}`);
  const sims = await startSimulators(
    supervisor,
    paths.root,
    simState,
    { duo: ports.SEATWISE_DUO_SIM_PORT, psa: ports.SEATWISE_PSA_SIM_PORT },
    env.SEATWISE_DEMO_LIVE,
    say,
  );
  await startApps(
    supervisor,
    ports,
    stackAppContext(paths.root, options.processEnv, prepared, infra, mailpit, [sims.duo.url, sims.psa.url]),
    env.SEATWISE_STARTUP_TIMEOUT_MS,
    say,
    scalePorts.apps,
  );
  const gateways = (scalePorts.apps.SEATWISE_GATEWAY_PORT ?? []).map((port) => `http://127.0.0.1:${port}`);
  const file: StackFile = {
    gatewayUrl: `http://127.0.0.1:${ports.SEATWISE_GATEWAY_PORT}`,
    ...(gateways.length > 1 ? { gatewayUrls: gateways } : {}),
    adminApiKey: secrets.adminApiKey,
    duoSimulatorUrl: sims.duo.url,
    psaSimulatorUrl: sims.psa.url,
    natsUrl: infra.natsUrl,
    mongoUrl: infra.mongoUrl,
    mailInboxUrl: mailpit.inboxUrl,
  };
  writeStackFile(paths.stackFile, file);
  printBanner(file, paths, { demo: env.SEATWISE_DEMO, showKey: prepared.firstStart });
  if (!env.SEATWISE_DEMO) return;
  const demoSay = (line: string): void => {
    output.line('demo', line);
  };
  // The stack stays up when the demo set-up fails, so the failure can be looked into through the API.
  await seedDemo({ ...file, say: demoSay }).catch((error: unknown) => {
    output.line('demo', `demo set-up failed: ${error instanceof Error ? error.message : String(error)}`, true);
  });
}

// What every service process is started with: the bus and database URLs, each service's own secrets and NATS
// password, the Mailpit it sends to and the simulators it may call. The fault run (src/faults/) starts its replicas
// with the same.
export function stackAppContext(
  root: string,
  processEnv: NodeJS.ProcessEnv,
  prepared: Pick<Prepared, 'secrets'>,
  infra: Pick<InfraUrls, 'natsUrl' | 'mongoUrl'>,
  mailpit: Pick<MailpitUrls, 'smtpHost' | 'smtpPort'>,
  simulatorUrls: readonly string[],
): AppContext {
  const { secrets } = prepared;
  return {
    root,
    natsUrl: infra.natsUrl,
    mongoUrl: infra.mongoUrl,
    baseEnv: processEnv,
    busPasswords: secrets.busPasswords,
    secrets: {
      SEATWISE_ENCRYPTION_KEYS: secrets.encryptionKeys,
      SEATWISE_ADMIN_API_KEY: secrets.adminApiKey,
      // Each service that stores secrets takes its own private sealing key, the gateway the public keys.
      ...secrets.sealing,
      // Alert emails go to the stack's Mailpit (handed only to the alerts service, whose env declares them).
      ALERTS_SMTP_HOST: mailpit.smtpHost,
      ALERTS_SMTP_PORT: String(mailpit.smtpPort),
      // Not a secret, but handed out the same way (only to the services that call out): the simulators are
      // reachable by their exact host:port, nothing else local is.
      SEATWISE_OUTBOUND_ALLOW: outboundAllow(processEnv['SEATWISE_OUTBOUND_ALLOW'], simulatorUrls),
    },
  };
}

// Each node's client and route port when the bus is a cluster; none for the single server.
export function clusterPorts(scalePorts: ScalePorts): { client: number; route: number }[] {
  return scalePorts.nats.flatMap(({ client, route }) => (route === null ? [] : [{ client, route }]));
}

// The prefix the services will use (theirs by default), which the bus's permissions are written for.
export function busPrefixOf(processEnv: NodeJS.ProcessEnv): string {
  const parsed = baseEnvSchema.shape.SEATWISE_BUS_PREFIX.safeParse(processEnv['SEATWISE_BUS_PREFIX']);
  if (!parsed.success) {
    throw new StackStartError(`SEATWISE_BUS_PREFIX: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

// The operator's own entries (if any) and each simulator's exact host:port.
function outboundAllow(operator: string | undefined, simulatorUrls: readonly string[]): string {
  const simulators = simulatorUrls.map((url) => new URL(url).host);
  return [...(operator ?? '').split(',').map((entry) => entry.trim()), ...simulators].filter((e) => e !== '').join(',');
}

function describe(error: unknown): string {
  if (
    error instanceof ChildExitedError ||
    error instanceof MissingToolError ||
    error instanceof StackStartError ||
    error instanceof PortsInUseError ||
    error instanceof WaitTimeoutError
  ) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function fail(say: (line: string) => void, error: unknown): number {
  for (const line of describe(error).split('\n')) say(line);
  return 1;
}
