import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { startDuoSimulator } from '../server';
import { startBaseline } from './baseline';
import { fetchPage, scanAll, type ScanTarget } from './scan';

const EVENTS = 1_000_000;
const ACCOUNTS = 500;
const STREAMS = 4;
// Target: the simulator builds, signs-checks and serializes every record while the baseline only copies bytes, so
// parity is impossible; measured ratios on this shared 2-core box were 0.34-0.43. 0.25 leaves room for noisy shared
// machines while still catching a regression that makes paging (e.g. cursor lookup) super-linear.
const TARGET_RATIO = 0.25;

function vmHwmMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : 0;
}

async function main(): Promise<void> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const sim = await startDuoSimulator({
    accounts: ACCOUNTS,
    events: EVENTS,
    usersPerAccount: 20,
    historyDays: 30,
    rateLimits: false,
  });
  const now = Date.now();
  const window: [number, number] = [now - 31 * 86_400_000, now - 120_000];
  const targets = sim.info.accounts.map((a) => ({ baseUrl: sim.url, ...a.adminApi }));
  const result = await scanAll(targets, window, STREAMS);
  const expected = sim.truth().accounts.reduce((n, a) => n + a.auth_events, 0);
  // One real page, re-served by the baseline.
  const first = targets[0];
  if (!first) throw new Error('no accounts');
  const sample = await firstPageRecords(first, window);
  await sim.close();
  clearInterval(sampler);
  const baseline = await startBaseline(sample, 1000, Math.round(EVENTS / ACCOUNTS / 1000));
  const base = await scanAll(
    targets.map((t) => ({ ...t, baseUrl: baseline.url })),
    window,
    STREAMS,
  );
  baseline.server.close();
  report(result, base, expected, Math.max(peakRss / 1048576, vmHwmMb()));
}

async function firstPageRecords(target: ScanTarget, window: [number, number]): Promise<string> {
  const agent = new Agent({ keepAlive: false });
  const page = await fetchPage(agent, target, window, null);
  agent.destroy();
  return JSON.stringify(page.response.authlogs);
}

function report(
  sim: { events: number; seconds: number },
  base: { events: number; seconds: number },
  expected: number,
  peakRssMb: number,
): void {
  const eventsPerSec = Math.round(sim.events / sim.seconds);
  const baselinePerSec = Math.round(base.events / base.seconds);
  const ratio = Number((eventsPerSec / baselinePerSec).toFixed(3));
  process.stdout.write(
    `simulator: ${sim.events} events (truth ${expected}) in ${sim.seconds.toFixed(2)} s = ${eventsPerSec} events/s\n`,
  );
  process.stdout.write(
    `baseline:  ${base.events} events in ${base.seconds.toFixed(2)} s = ${baselinePerSec} events/s\n`,
  );
  process.stdout.write(`ratio ${ratio} (target >= ${TARGET_RATIO}), peak RSS ${peakRssMb.toFixed(1)} MB\n`);
  if (sim.events !== expected) {
    process.stdout.write(`WARNING: scan returned ${sim.events} events, truth says ${expected}\n`);
  }
  process.stdout.write(
    `${JSON.stringify({ bench: 'duo-simulator', eventsPerSec, baselinePerSec, ratio, peakRssMb: Number(peakRssMb.toFixed(1)), target: TARGET_RATIO, events: sim.events })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String(error)}\n`);
  process.exit(1);
});
