import { runBench, writeBenchLine } from '@seatwise/shared/bench/run-bench';
import { connectBus } from '@seatwise/shared/bus/connect';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import { provisionInfrastructure } from '@seatwise/testing/infra/provision';
import { dropDatabase } from '@seatwise/testing/scope';
import { type NodeProcess, startNode } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type LoadResult, load, loadRpc } from './load';
import { BENCH_ACCOUNT, seedServices } from './seed-services';
import { serveServices } from './services-responder';

// List endpoints of the gateway on an account with 100,000 services under concurrent load, against the
// same list RPC called straight over NATS (the baseline). The services come from an in-memory stand-in
// answering discovery's contract (see services-responder.ts), or with BENCH_GATEWAY_REAL_DISCOVERY=1
// from the real discovery fed through its write path (published auth logs).
const SERVICES = Number(process.env['BENCH_GATEWAY_SERVICES'] ?? 100_000);
const SECONDS = Number(process.env['BENCH_GATEWAY_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_GATEWAY_CONNECTIONS'] ?? 16);
const ADMIN_KEY = `bench-${randomBytes(24).toString('hex')}`;
const APPS = join(__dirname, '..', '..', '..');
const REAL_DISCOVERY = process.env['BENCH_GATEWAY_REAL_DISCOVERY'] === '1';
// Load on both paths before measuring, alike: a gateway just started runs its first seconds unoptimized (about
// 1.5 times its steady CPU per request, measured), a cost only the first HTTP scenario would otherwise pay.
const WARMUP_SECONDS = Number(process.env['BENCH_GATEWAY_WARMUP_SECONDS'] ?? 2);
// Node options for the gateway process only, to profile it under the bench's load: e.g. "--perf-basic-prof"
// for perf, or "--require <file>" of a preload starting node:inspector's profiler (NODE_OPTIONS refuses --cpu-prof).
const GATEWAY_NODE_OPTIONS = process.env['BENCH_GATEWAY_NODE_OPTIONS'];

function start(app: string, env: Record<string, string>): NodeProcess {
  return startNode(join(APPS, app, 'dist', 'main.js'), { LOG_LEVEL: 'warn', ...env });
}

async function main(): Promise<void> {
  const infra = await provisionInfrastructure();
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const base = {
    NATS_URL: infra.nats.url,
    MONGO_URL: infra.mongo.url,
    SEATWISE_BUS_PREFIX: prefix,
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const nc = await connectBus({ url: infra.nats.url, name: 'bench-gateway' });
  const processes: NodeProcess[] = [];
  try {
    const rpc = new RpcClient(nc, prefix, 30_000);
    let seedSeconds = 0;
    if (REAL_DISCOVERY) {
      processes.push(start('discovery', { ...base, MONGO_DB: `bench_${prefix}_discovery` }));
      await waitFor(() => rpc.request('discovery.health', {}).then((h) => h.ready), {
        timeoutMs: 60_000,
        description: 'discovery ready',
      });
      seedSeconds = await seedServices(nc, prefix, SERVICES);
    } else {
      serveServices(nc, prefix, SERVICES);
    }

    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const gateway = start('gateway', {
      ...base,
      PORT: port,
      MONGO_DB: `bench_${prefix}_gateway`,
      SEATWISE_ADMIN_API_KEY: ADMIN_KEY,
      GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000',
      GATEWAY_RATE_LIMIT_BURST: '1000000',
      ...(GATEWAY_NODE_OPTIONS ? { NODE_OPTIONS: GATEWAY_NODE_OPTIONS } : {}),
    });
    processes.push(gateway);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200, {
      timeoutMs: 60_000,
      description: 'gateway ready',
    });

    const list = `${url}/api/v1/services?accountId=${BENCH_ACCOUNT}`;
    const firstPage = await rpc.request('discovery.services.list', { accountId: BENCH_ACCOUNT, limit: 50 });
    const deep = firstPage.nextCursor ?? '';
    if (WARMUP_SECONDS > 0) {
      const warm = { accountId: BENCH_ACCOUNT, limit: 50 };
      await loadRpc('warm-up', () => rpc.request('discovery.services.list', warm), CONNECTIONS, WARMUP_SECONDS);
      await load('warm-up', `${list}&limit=50`, ADMIN_KEY, CONNECTIONS, WARMUP_SECONDS);
    }
    const results: LoadResult[] = [
      await loadRpc(
        'rpc services.list limit=50 (baseline)',
        () => rpc.request('discovery.services.list', { accountId: BENCH_ACCOUNT, limit: 50 }),
        CONNECTIONS,
        SECONDS,
      ),
      await load('GET /api/v1/services limit=50', `${list}&limit=50`, ADMIN_KEY, CONNECTIONS, SECONDS),
      await load('GET /api/v1/services limit=200', `${list}&limit=200`, ADMIN_KEY, CONNECTIONS, SECONDS),
      await load('GET /api/v1/services page 2', `${list}&limit=50&cursor=${deep}`, ADMIN_KEY, CONNECTIONS, SECONDS),
      await load('GET /api/v1/services q=App 9', `${list}&limit=50&q=App%209`, ADMIN_KEY, CONNECTIONS, SECONDS),
      await load('GET /health/live (HTTP ceiling)', `${url}/health/live`, ADMIN_KEY, CONNECTIONS, SECONDS),
    ];
    const csvStart = process.hrtime.bigint();
    const csv = await fetch(`${list}&format=csv`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const csvRows = (await csv.text()).split('\r\n').length - 2;
    const csvSeconds = Number(process.hrtime.bigint() - csvStart) / 1e9;

    const baseline = results[0]?.rps ?? 1;
    const source = REAL_DISCOVERY
      ? `real discovery, seeded in ${seedSeconds.toFixed(0)} s`
      : 'in-memory discovery stand-in';
    const lines = [
      `gateway bench: ${SERVICES} services in one account (${source}), ${CONNECTIONS} connections, ${SECONDS} s each, on ${infra.nats.description}`,
    ];
    for (const r of results) {
      lines.push(
        `  ${r.name.padEnd(44)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  (non-2xx ${r.non2xx})`,
      );
    }
    lines.push(`  CSV export: ${csvRows} rows in ${csvSeconds.toFixed(1)} s`, '');
    process.stdout.write(lines.join('\n'));
    const gw = results[1];
    writeBenchLine({
      bench: 'gateway',
      services: SERVICES,
      discovery: REAL_DISCOVERY ? 'real' : 'stand-in',
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      baselineRpcPerSec: baseline,
      listRatioToRpc: gw ? Math.round((gw.rps / baseline) * 100) / 100 : null,
      scenarios: results.map(({ name, rps, p50, p95, p99, non2xx }) => ({ name, rps, p50, p95, p99, non2xx })),
      csv: { rows: csvRows, seconds: Math.round(csvSeconds * 10) / 10 },
      ...(REAL_DISCOVERY ? { seedSeconds: Math.round(seedSeconds) } : {}),
    });
  } finally {
    for (const p of processes) p.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    // A server given by MONGO_URL outlives the bench: leave nothing behind on it.
    for (const dbName of [`bench_${prefix}_discovery`, `bench_${prefix}_gateway`]) {
      await dropDatabase(infra.mongo.url, dbName).catch(() => undefined);
    }
    await nc.close();
    await infra.dispose();
  }
}

runBench('gateway', main);
