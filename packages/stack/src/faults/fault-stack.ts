import type { Faults } from '@seatwise/duo-simulator/options';
import { waitForPort } from '@seatwise/infra/tcp';
import { stackPaths } from '../config/paths';
import type { StackScale } from '../config/scale';
import { stackEnvSchema } from '../config/stack-env';
import { type InfraUrls, startInfra } from '../infra/start-infra';
import { startMailpit } from '../infra/start-mailpit';
import { prepare } from '../prepare';
import { PidRegistry } from '../process/pid-registry';
import type { SupervisedChild } from '../process/supervised-child';
import { type ChildExitedError, Supervisor } from '../process/supervisor';
import { busPrefixOf, clusterPorts, stackAppContext } from '../run-stack';
import { readyUrl } from '../services/app-specs';
import { httpOk } from '../services/http-ok';
import { startApps, type StartedApp } from '../services/start-apps';
import { waitUntil } from '@seatwise/infra/wait';
import { type FaultSims, startFaultSims } from './fault-sims';
import { TailOutput } from './tail-output';

export interface Workload {
  accounts: number;
  usersPerAccount: number;
  events: number;
}

export interface FaultStackOptions {
  root: string;
  // A fresh directory of its own (the stack's data dir: secrets, stores, pids).
  dir: string;
  scale: StackScale;
  workload: Workload;
  duoFaults: Faults;
  // The services' environment (each replica gets it, plus what the stack hands each one).
  serviceEnv: NodeJS.ProcessEnv;
  startupTimeoutMs: number;
}

const SERVER_TIMEOUT_MS = 60_000;

// The stack as `npm run stack -- --replicas N --nats-cluster N` starts it (prepare, startInfra, startMailpit,
// startApps with the stack's app context), but run for a fault run: nothing stops the rest when one process exits,
// and each service replica, NATS node and the database can be stopped and started again with its own spec (so with
// the same port, store and data dir). The simulators run in this process (fault-sims.ts).
export class FaultStack {
  // Processes that exited without being asked to once running (a service that crashed by itself, a server): the
  // run must end with none.
  readonly crashes: ChildExitedError[] = [];
  // Replicas started again after a kill that exited before they were ready (started once more each time).
  readonly startFailures: ChildExitedError[] = [];
  // Every service process that has answered /health/ready.
  private readonly ready = new Set<SupervisedChild>();

  private constructor(
    readonly output: TailOutput,
    private readonly supervisor: Supervisor,
    readonly sims: FaultSims,
    readonly apps: StartedApp[],
    private readonly servers: InfraUrls['processes'],
    readonly adminApiKey: string,
    readonly natsUrl: string,
    readonly provisionerPassword: string,
    readonly busPrefix: string,
    private readonly startupTimeoutMs: number,
  ) {
    for (const app of apps) this.ready.add(app.child);
    const services = new Set(apps.map((app) => app.process.spec.name));
    supervisor.onUnexpectedExit((error) => {
      const starting = services.has(error.child.name) && !this.ready.has(error.child);
      (starting ? this.startFailures : this.crashes).push(error);
    });
  }

  static async start(options: FaultStackOptions): Promise<FaultStack> {
    const output = new TailOutput();
    const say = (line: string): void => {
      output.line('stack', line);
    };
    const paths = stackPaths(options.root, options.dir);
    const env = stackEnvSchema.parse({
      SEATWISE_DEMO: 'off',
      SEATWISE_DEMO_LIVE: 'off',
      SEATWISE_DEMO_ACCOUNTS: String(options.workload.accounts),
      SEATWISE_DEMO_USERS: String(options.workload.usersPerAccount),
      SEATWISE_DEMO_EVENTS: String(options.workload.events),
      ...Object.fromEntries(PORT_ENV.map((key) => [key, '0'])),
    });
    const prepared = await prepare(paths, env, options.serviceEnv, true, say, options.scale);
    const supervisor = new Supervisor(output, new PidRegistry(paths.pids));
    const { ports, scalePorts, secrets } = prepared;
    const prefix = busPrefixOf(options.serviceEnv);
    let sims: FaultSims | null = null;
    try {
      const infra = await startInfra(
        supervisor,
        paths,
        { nats: ports.SEATWISE_NATS_PORT, mongo: ports.SEATWISE_MONGO_PORT, natsCluster: clusterPorts(scalePorts) },
        { prefix, passwords: secrets.busPasswords },
        say,
      );
      const mailpit = await startMailpit(
        supervisor,
        paths,
        { smtp: ports.SEATWISE_MAILPIT_SMTP_PORT, http: ports.SEATWISE_MAILPIT_HTTP_PORT },
        say,
      );
      sims = await startFaultSims(
        options.root,
        prepared.simState,
        { duo: ports.SEATWISE_DUO_SIM_PORT, psa: ports.SEATWISE_PSA_SIM_PORT },
        options.duoFaults,
      );
      const context = stackAppContext(options.root, options.serviceEnv, prepared, infra, mailpit, [
        sims.duo.url,
        sims.psa.url,
      ]);
      const apps = await startApps(supervisor, ports, context, options.startupTimeoutMs, say, scalePorts.apps);
      return new FaultStack(
        output,
        supervisor,
        sims,
        apps,
        infra.processes,
        secrets.adminApiKey,
        infra.natsUrl,
        secrets.busPasswords.provisioner,
        prefix,
        options.startupTimeoutMs,
      );
    } catch (error) {
      await supervisor.stopAll(5_000);
      await sims?.close();
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output.dump()}`, {
        cause: error,
      });
    }
  }

  get gatewayUrls(): string[] {
    return this.apps.filter((a) => a.process.app.name === 'gateway').map((a) => `http://127.0.0.1:${a.process.port}`);
  }

  get natsNodes(): number {
    return this.servers.nats.length;
  }

  // kill -9 of one replica (its whole process group), resolved once it is gone.
  async killReplica(app: StartedApp): Promise<void> {
    app.child.killNow();
    await app.child.exited;
  }

  // The same replica again (same port, same env), resolved once its /health/ready answers. A replica that exits
  // before it is ready (its start-up gave up on a NATS node or the database being down) is started again, as an
  // orchestrator would; such exits are counted in startFailures, not in crashes.
  async restartReplica(app: StartedApp): Promise<void> {
    const deadline = Date.now() + this.startupTimeoutMs;
    for (;;) {
      const child = this.supervisor.start(app.process.spec);
      app.child = child;
      const url = readyUrl(app.process.port);
      const ready = await Promise.race([
        waitUntil(() => httpOk(url), {
          timeoutMs: Math.max(1, deadline - Date.now()),
          intervalMs: 500,
          what: `${app.process.spec.name} ${url}`,
        }).then(() => true),
        child.exited.then(() => false),
      ]).catch((error: unknown) => {
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}; last lines:\n${child.tail().join('\n')}`,
        );
      });
      if (ready) {
        this.ready.add(child);
        return;
      }
      if (Date.now() >= deadline) {
        throw new Error(`${app.process.spec.name} did not start:\n${child.tail().join('\n')}`);
      }
    }
  }

  // Stops NATS node k (SIGTERM, as a restart does) and starts it again with the same config and store.
  async stopNatsNode(k: number): Promise<void> {
    await this.nodeAt(k).stop(10_000);
  }

  async startNatsNode(k: number): Promise<void> {
    this.servers.nats[k] = await this.restart(this.nodeAt(k));
  }

  async stopDatabase(): Promise<void> {
    await this.servers.mongo.stop(10_000);
  }

  async startDatabase(): Promise<void> {
    this.servers.mongo = await this.restart(this.servers.mongo);
  }

  // Stops every process (services first, then the servers) and both simulators.
  async stop(): Promise<void> {
    await this.supervisor.stopAll(10_000);
    await this.sims.close();
  }

  private nodeAt(k: number): SupervisedChild {
    const node = this.servers.nats[k];
    if (!node) throw new Error(`no NATS node ${k}`);
    return node;
  }

  // The server's own spec again: its port is on its command line, its data in the same dir.
  private async restart(server: SupervisedChild): Promise<SupervisedChild> {
    const again = this.supervisor.start(server.spec);
    const port = portOf(server.spec.args);
    await waitForPort('127.0.0.1', port, { what: server.name, timeoutMs: SERVER_TIMEOUT_MS });
    return again;
  }
}

const PORT_ENV = [
  'SEATWISE_GATEWAY_PORT',
  'SEATWISE_CONNECTOR_PORT',
  'SEATWISE_DISCOVERY_PORT',
  'SEATWISE_RECONCILE_PORT',
  'SEATWISE_ALERTS_PORT',
  'SEATWISE_MAILPIT_SMTP_PORT',
  'SEATWISE_MAILPIT_HTTP_PORT',
  'SEATWISE_DUO_SIM_PORT',
  'SEATWISE_PSA_SIM_PORT',
  'SEATWISE_NATS_PORT',
  'SEATWISE_MONGO_PORT',
] as const;

// A server's port from its command line: nats-server's -p, mongod's --port, FerretDB's --listen-addr=host:port.
function portOf(args: readonly string[]): number {
  for (const [index, arg] of args.entries()) {
    if (arg === '-p' || arg === '--port') return Number(args[index + 1]);
    if (arg.startsWith('--listen-addr=')) return Number(arg.split(':').at(-1));
  }
  throw new Error(`no port in ${args.join(' ')}`);
}
