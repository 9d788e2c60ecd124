import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { benchAuthLogEvent, publishRaw } from '@seatwise/shared/bench/raw-jetstream';
import { runBench, writeBenchLine } from '@seatwise/shared/bench/run-bench';
import { connectBus } from '@seatwise/shared/bus/connect';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import { streamName } from '@seatwise/shared/bus/subjects';
import { ensureStreams } from '@seatwise/shared/bus/topology';
import { consumers } from '@seatwise/shared/contracts/consumers';
import { provisionInfrastructure } from '@seatwise/testing/infra/provision';
import { dropDatabase } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { startNode, type NodeProcess } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { rawConsumeRate } from '@seatwise/shared/bench/raw-consume';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

// A pre-filled stream of auth-log events evaluated by the alerts service (state per account, the rules that read
// auth logs: silence and fraud), against a raw JetStream consumer of the same stream in the same run.
const EVENTS = Number(process.env['BENCH_ALERTS_EVENTS'] ?? 200_000);
const TARGET = 0.5;
const MAIN = join(__dirname, '..', 'main.js');

async function prefill(nc: NatsConnection, prefix: string): Promise<void> {
  await ensureStreams(await jetstreamManager(nc), prefix, ['DUO_AUTHLOGS']);
  const js = jetstream(nc);
  for (let i = 0; i < EVENTS; i += 1_000) {
    const events = Array.from({ length: Math.min(1_000, EVENTS - i) }, (_, j) => benchAuthLogEvent(i + j));
    await publishRaw(js, prefix, events, 1_000);
  }
}

// Rules that read every auth-log event, to a disabled channel (nothing leaves the machine).
async function createRules(rpc: RpcClient): Promise<void> {
  const channel = await rpc.request('alerts.channels.create', {
    name: 'bench',
    kind: 'webhook',
    url: 'https://hooks.example.com/bench',
    secret: 'bench-secret-0123456789',
    enabled: false,
    actor: 'bench',
  });
  for (const condition of [
    { kind: 'logs_silent', minutes: 60 },
    { kind: 'fraud_report', minutes: 60 },
  ] as const) {
    await rpc.request('alerts.rules.create', {
      name: condition.kind,
      condition,
      channelIds: [channel.id],
      actor: 'bench',
    });
  }
}

async function evaluationRate(natsUrl: string, mongoUrl: string, nc: NatsConnection, prefix: string): Promise<number> {
  // Consumers off while the rules are created, so every event is evaluated against them.
  const env = {
    NATS_URL: natsUrl,
    MONGO_URL: mongoUrl,
    MONGO_DB: `bench_${prefix}`,
    SEATWISE_BUS_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...testEncryptionKeys(),
  };
  const rpc = new RpcClient(nc, prefix, 30_000);
  const setup = startNode(MAIN, { ...env, ALERTS_CONSUME: 'false' });
  try {
    await waitFor(() => rpc.request('alerts.health', {}).then((h) => h.ready), { timeoutMs: 60_000 });
    await createRules(rpc);
  } finally {
    await stop(setup);
  }
  const jsm = await jetstreamManager(nc);
  const { stream, durable } = consumers.alertsAuthLogs;
  const alerts = startNode(MAIN, env);
  try {
    const info = () => jsm.consumers.info(streamName(prefix, stream), durable).catch(() => null);
    // Timed from the first delivery (the process's start-up is not evaluation) to the last ack.
    await waitFor(async () => ((await info())?.delivered.stream_seq ?? 0) > 0, {
      timeoutMs: 60_000,
      intervalMs: 5,
      description: 'first delivery',
    });
    const start = process.hrtime.bigint();
    await waitFor(
      async () => {
        const now = await info();
        return now !== null && now.ack_floor.stream_seq >= EVENTS && now.num_ack_pending === 0;
      },
      { timeoutMs: 3_600_000, intervalMs: 20, description: `${EVENTS} events evaluated` },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return EVENTS / seconds;
  } finally {
    await stop(alerts);
  }
}

async function stop(child: NodeProcess): Promise<void> {
  child.kill('SIGTERM');
  await child.exited;
}

async function main(): Promise<void> {
  const infra = await provisionInfrastructure();
  const nc = await connectBus({ url: infra.nats.url, name: 'bench-alerts' });
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  try {
    await prefill(nc, prefix);
    const baselinePerSec = await rawConsumeRate(nc, streamName(prefix, 'DUO_AUTHLOGS'), EVENTS);
    const perSec = await evaluationRate(infra.nats.url, infra.mongo.url, nc, prefix);
    const ratio = perSec / baselinePerSec;
    process.stdout.write(
      [
        `alerts bench: ${EVENTS} auth events pre-filled in JetStream on ${infra.nats.description}, ${infra.mongo.description}`,
        `  raw JetStream consume (baseline)   ${baselinePerSec.toFixed(0)} events/s`,
        `  JetStream → alerts evaluation      ${perSec.toFixed(0)} events/s (${(ratio * 100).toFixed(1)}% of baseline)`,
        '',
      ].join('\n'),
    );
    writeBenchLine({
      bench: 'alerts',
      events: EVENTS,
      eventsPerSec: Math.round(perSec),
      baselinePerSec: Math.round(baselinePerSec),
      ratio: Number(ratio.toFixed(3)),
      target: TARGET,
    });
  } finally {
    await (await jetstreamManager(nc)).streams.delete(streamName(prefix, 'DUO_AUTHLOGS')).catch(() => undefined);
    await dropDatabase(infra.mongo.url, `bench_${prefix}`).catch(() => undefined);
    await nc.close();
    await infra.dispose();
  }
}

runBench('alerts', main);
