import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { peakRssMb } from '@seatwise/shared/bench/peak-rss';
import { benchAuthLogEvent, publishRaw } from '@seatwise/shared/bench/raw-jetstream';
import { runBench, writeBenchLine } from '@seatwise/shared/bench/run-bench';
import { connectBus } from '@seatwise/shared/bus/connect';
import { streamName } from '@seatwise/shared/bus/subjects';
import { ensureStreams } from '@seatwise/shared/bus/topology';
import type { RpcName, RpcRequest } from '@seatwise/shared/contracts/rpcs';
import { provisionInfrastructure } from '@seatwise/testing/infra/provision';
import { dropDatabase } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import { randomBytes } from 'node:crypto';
import { discoveryEnv, median, percentile, startDiscovery, stop } from './discovery-process';
import { mspBench } from './msp-bench';
import { fillInventory } from './query-fixture';
import { rawConsumeRate } from '@seatwise/shared/bench/raw-consume';

// Pre-filled stream of auth events → complete inventories, against a raw JetStream consumer of the
// same stream in the same run; then list/detail query latency on a large inventory.
const EVENTS = Number(process.env['BENCH_DISCOVERY_EVENTS'] ?? 1_000_000);
const SERVICES = Number(process.env['BENCH_DISCOVERY_SERVICES'] ?? 100_000);
const USAGE = Number(process.env['BENCH_DISCOVERY_USAGE'] ?? 1_000_000);
const QUERIES = Number(process.env['BENCH_DISCOVERY_QUERIES'] ?? 200);
const TARGET = 0.25;

async function prefill(nc: NatsConnection, prefix: string): Promise<void> {
  await ensureStreams(await jetstreamManager(nc), prefix, ['DUO_AUTHLOGS']);
  const js = jetstream(nc);
  for (let i = 0; i < EVENTS; i += 1_000) {
    await publishRaw(
      js,
      prefix,
      Array.from({ length: Math.min(1_000, EVENTS - i) }, (_, j) => benchAuthLogEvent(i + j)),
      1_000,
    );
  }
}

async function ingestRate(
  natsUrl: string,
  mongoUrl: string,
  nc: NatsConnection,
  prefix: string,
): Promise<{ perSec: number; peak: number }> {
  const { process: discovery, rpc } = await startDiscovery(nc, discoveryEnv(natsUrl, mongoUrl, prefix));
  try {
    const start = process.hrtime.bigint();
    let peak = 0;
    await waitFor(
      async () => {
        peak = Math.max(peak, peakRssMb(discovery.pid));
        const { items } = await rpc.request('discovery.accounts.summary', {});
        return items.reduce((n, a) => n + a.authCount, 0) >= EVENTS;
      },
      { timeoutMs: 4 * 3_600_000, intervalMs: 1_000, description: `${EVENTS} events in the inventories` },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { perSec: EVENTS / seconds, peak: Math.max(peak, peakRssMb(discovery.pid)) };
  } finally {
    await stop(discovery);
  }
}

async function queryP95(natsUrl: string, mongoUrl: string, nc: NatsConnection): Promise<number> {
  const prefix = `benchq${randomBytes(3).toString('hex')}`;
  const accountId = 'DABENCHQUERIES';
  // Started first so its indexes exist while the rows go in; consumers off: queries only.
  const { process: discovery, rpc } = await startDiscovery(
    nc,
    discoveryEnv(natsUrl, mongoUrl, prefix, { DISCOVERY_CONSUME: 'false' }),
    60_000,
  );
  try {
    await fillInventory(mongoUrl, `bench_${prefix}`, accountId, SERVICES, USAGE);
    const service = `${accountId}.DI${String(42).padStart(18, '0')}`;
    const calls: [RpcName, RpcRequest<RpcName>][] = [
      ['discovery.services.list', { accountId }],
      ['discovery.services.list', { accountId, sort: 'name' }],
      ['discovery.services.list', { accountId, sort: '-userCount', status: 'new' }],
      ['discovery.services.list', { accountId, q: 'app 12' }],
      ['discovery.services.get', { id: service }],
      ['discovery.services.users', { id: service }],
      ['discovery.users.list', { accountId }],
      ['discovery.users.services', { id: `${accountId}.DU7` }],
    ];
    const times: number[] = [];
    const byCall = new Map<string, number[]>();
    for (let i = 0; i < QUERIES; i++) {
      const call = calls[i % calls.length];
      if (!call) continue;
      const [name, request] = call;
      const start = process.hrtime.bigint();
      await rpc.request(name, request);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      times.push(ms);
      const key = `${name} ${JSON.stringify(request)}`;
      byCall.set(key, [...(byCall.get(key) ?? []), ms]);
    }
    for (const [key, ms] of byCall) process.stdout.write(`  median ${median(ms).toFixed(1)} ms  ${key}\n`);
    return percentile(times, 0.95);
  } finally {
    await stop(discovery);
    // A server given by MONGO_URL outlives the bench: leave nothing behind on it.
    await dropDatabase(mongoUrl, `bench_${prefix}`);
  }
}

async function main(): Promise<void> {
  const infra = await provisionInfrastructure();
  const nc = await connectBus({ url: infra.nats.url, name: 'bench-discovery' });
  try {
    const prefix = `bench${randomBytes(3).toString('hex')}`;
    await prefill(nc, prefix);
    const baselinePerSec = await rawConsumeRate(nc, streamName(prefix, 'DUO_AUTHLOGS'), EVENTS);
    const ingest = await ingestRate(infra.nats.url, infra.mongo.url, nc, prefix).finally(() =>
      dropDatabase(infra.mongo.url, `bench_${prefix}`),
    );
    await (await jetstreamManager(nc)).streams.delete(streamName(prefix, 'DUO_AUTHLOGS')).catch(() => undefined);
    const queryP95Ms = await queryP95(infra.nats.url, infra.mongo.url, nc);
    const ratio = ingest.perSec / baselinePerSec;
    process.stdout.write(
      [
        `discovery bench: ${EVENTS} auth events pre-filled in JetStream on ${infra.nats.description}, ${infra.mongo.description}`,
        `  raw JetStream consume (baseline)   ${baselinePerSec.toFixed(0)} events/s`,
        `  JetStream → discovery inventories  ${ingest.perSec.toFixed(0)} events/s (${(ratio * 100).toFixed(1)}% of baseline)`,
        `  discovery peak RSS                 ${ingest.peak} MB (target < 300 MB)`,
        `  query p95 (${SERVICES} services / ${USAGE} usage rows) ${queryP95Ms.toFixed(1)} ms (target < 50 ms)`,
        '',
      ].join('\n'),
    );
    writeBenchLine({
      bench: 'discovery',
      events: EVENTS,
      eventsPerSec: Math.round(ingest.perSec),
      baselinePerSec: Math.round(baselinePerSec),
      ratio: Number(ratio.toFixed(3)),
      peakRssMb: ingest.peak,
      queryP95Ms: Number(queryP95Ms.toFixed(1)),
      target: TARGET,
    });
  } finally {
    await nc.close();
    await infra.dispose();
  }
}

// BENCH_DISCOVERY_PROFILE=msp: the MSP-shaped profile (msp-bench.ts) instead of the single-account one.
if (process.env['BENCH_DISCOVERY_PROFILE'] === 'msp') runBench('discovery-msp', mspBench);
else runBench('discovery', main);
