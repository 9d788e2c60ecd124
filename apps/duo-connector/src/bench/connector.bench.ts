import { jetstreamManager } from '@nats-io/jetstream';
import { startDuoSimulator } from '@seatwise/duo-simulator/server';
import { rawPublishRate } from '@seatwise/shared/bench/raw-jetstream';
import { runBench, writeBenchLine } from '@seatwise/shared/bench/run-bench';
import { connectBus } from '@seatwise/shared/bus/connect';
import { streamName } from '@seatwise/shared/bus/subjects';
import { provisionInfrastructure } from '@seatwise/testing/infra/provision';
import { startNode } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { peakRssMb } from '@seatwise/shared/bench/peak-rss';

// Duo simulator (rate limits off) → connector process → JetStream-acknowledged, against raw JetStream
// publishing of the same kind of events measured in the same run on the same server.
const EVENTS = Number(process.env['BENCH_CONNECTOR_EVENTS'] ?? 1_000_000);
const ACCOUNTS = 10;
const TARGET = 0.5;
const RSS_TARGET_MB = 200;
// As docker-compose runs it: V8 otherwise lets the heap grow to ~3x the live data under this
// allocation rate (measured: 358 MB peak uncapped vs 191 MB capped, at a similar rate).
const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=96 --max-semi-space-size=8';

async function main(): Promise<void> {
  const infra = await provisionInfrastructure();
  const nc = await connectBus({ url: infra.nats.url, name: 'bench-connector' });
  const sim = await startDuoSimulator({
    seed: 'bench',
    accounts: ACCOUNTS,
    usersPerAccount: 20,
    events: EVENTS,
    historyDays: 60,
    rateLimits: false,
  });
  try {
    // As many raw events as the connector will publish: a stream (and its dedupe table) slows as it grows.
    const baselinePerSec = await rawPublishRate(nc, `benchraw${randomBytes(3).toString('hex')}`, EVENTS);
    const prefix = `bench${randomBytes(3).toString('hex')}`;
    const connector = startNode(join(__dirname, '..', 'main.js'), {
      NATS_URL: infra.nats.url,
      MONGO_URL: infra.mongo.url,
      MONGO_DB: `bench_${prefix}`,
      SEATWISE_BUS_PREFIX: prefix,
      PORT: '0',
      LOG_LEVEL: 'warn',
      SEATWISE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      CONNECTOR_LOGS_PER_MINUTE: '1000000',
      CONNECTOR_OBJECTS_PER_MINUTE: '1000000',
      // Experiments: BENCH_CONNECTOR_CONCURRENCY / BENCH_CONNECTOR_NODE_OPTIONS reach the connector process.
      ...(process.env['BENCH_CONNECTOR_CONCURRENCY']
        ? { CONNECTOR_MAX_CONCURRENCY: process.env['BENCH_CONNECTOR_CONCURRENCY'] }
        : {}),
      NODE_OPTIONS: process.env['BENCH_CONNECTOR_NODE_OPTIONS'] ?? PRODUCTION_NODE_OPTIONS,
      DUO_BOOTSTRAP_INTEGRATIONS: JSON.stringify([
        {
          name: 'bench',
          kind: 'accounts',
          apiHostname: sim.url,
          integrationKey: sim.info.accountsApi.ikey,
          secretKey: sim.info.accountsApi.skey,
        },
      ]),
    });
    const jsm = await jetstreamManager(nc);
    const count = async (): Promise<number> =>
      (await jsm.streams.info(streamName(prefix, 'DUO_AUTHLOGS')).catch(() => null))?.state.messages ?? 0;
    await waitFor(async () => (await count()) > 0, {
      timeoutMs: 60_000,
      intervalMs: 20,
      description: 'first event',
    }).catch((error: unknown) => {
      connector.kill('SIGKILL');
      throw new Error(`${String(error)}; connector output:\n${connector.output().slice(-4_000)}`);
    });
    const start = process.hrtime.bigint();
    let peak = 0;
    await waitFor(
      async () => {
        peak = Math.max(peak, peakRssMb(connector.pid));
        return (await count()) >= EVENTS;
      },
      { timeoutMs: 30 * 60_000, intervalMs: 250, description: `${EVENTS} events` },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    peak = Math.max(peak, peakRssMb(connector.pid));
    connector.kill('SIGTERM');
    await connector.exited;
    await jsm.streams.delete(streamName(prefix, 'DUO_AUTHLOGS')).catch(() => undefined);
    const eventsPerSec = EVENTS / seconds;
    const ratio = eventsPerSec / baselinePerSec;
    process.stdout.write(
      [
        `connector bench: ${EVENTS} auth events from ${ACCOUNTS} simulated Duo accounts (rate limits off) on ${infra.nats.description}`,
        `  raw JetStream publish (baseline)  ${baselinePerSec.toFixed(0)} events/s`,
        `  Duo → connector → JetStream acked ${eventsPerSec.toFixed(0)} events/s in ${seconds.toFixed(1)} s (${(ratio * 100).toFixed(0)}% of baseline)`,
        `  connector peak RSS                ${peak} MB (target < ${RSS_TARGET_MB} MB)`,
        '',
      ].join('\n'),
    );
    writeBenchLine({
      bench: 'connector',
      events: EVENTS,
      eventsPerSec: Math.round(eventsPerSec),
      baselinePerSec: Math.round(baselinePerSec),
      ratio: Number(ratio.toFixed(3)),
      peakRssMb: peak,
      rssTargetMb: RSS_TARGET_MB,
      target: TARGET,
    });
  } finally {
    await nc.close();
    await sim.close();
    await infra.dispose();
  }
}

runBench('connector', main);
