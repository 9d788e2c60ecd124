import { runBench, writeBenchLine } from '@seatwise/shared/bench/run-bench';
import { repoRoot } from '@seatwise/stack/config/paths';
import { SeatwiseApi } from '@seatwise/stack/demo/seatwise-api';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { type ConsoleStack, startConsoleStack } from '../e2e/support/console-stack';
import { timeApiPaging } from './api-paging';
import { type BenchConfig, benchConfig, FIRST_SCREEN_JS_BUDGET_KB, median } from './bench-config';
import { benchCustomers } from './bench-world';
import { measureConsole } from './measure-console';
import { kb, scriptSizes } from './script-sizes';
import { checkAutoMapped, publishSnapshots, seedPsa, type SeedTarget, waitForRows } from './seed-rows';

// The console against the local stack (`npm run stack`, demo off) holding N reconciliation rows made through the
// real paths (a PSA JSON import, Duo account snapshots on NATS, reconcile's own exact-name mapping), in headless
// Chromium: the first screen's JavaScript (gzipped) against its budget, the time to the first interactive screen
// against an empty page from the same server, and the time to load and render every row against paging the same
// rows through the API with Node's fetch. Ratios, not absolute times, are what compare between machines.
const BUS_PREFIX = 'seatwise';

const say = (line: string): void => {
  process.stderr.write(`[console bench] ${line}\n`);
};

async function main(): Promise<void> {
  const config = benchConfig(process.env);
  const root = repoRoot(__dirname);
  const distDir = join(root, 'apps', 'console', 'dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html is missing: build first (npm run build, or npx turbo run build)`);
  }
  say(`starting the stack (demo off) for ${config.rows} rows`);
  const stack = await startConsoleStack({
    demo: false,
    accounts: 1,
    users: 1,
    events: 0,
    timeoutMs: config.stackTimeoutMs,
    env: {
      SEATWISE_BUS_PREFIX: BUS_PREFIX,
      // The bench measures the console, not the per-key rate limit (600/min by default), which scrolling through
      // 10,000 rows page by page at full speed would reach.
      GATEWAY_RATE_LIMIT_PER_MINUTE: '10000000',
      GATEWAY_RATE_LIMIT_BURST: '1000000',
    },
  });
  let browser: Browser | null = null;
  try {
    const seeded = await seed(stack, config);
    browser = await launchChromium();
    await measureAndReport(browser, stack, config, distDir, seeded);
  } catch (error) {
    throw new Error(`${describe(error)}\n--- stack output ---\n${stack.stack.output()}`, { cause: error });
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

interface Seeded {
  seedMs: number;
  autoMapped: number;
}

async function seed(stack: ConsoleStack, config: BenchConfig): Promise<Seeded> {
  const { gatewayUrl, adminApiKey, natsUrl } = stack.stack.file;
  const target: SeedTarget = {
    gatewayUrl,
    apiKey: adminApiKey,
    natsUrl,
    connectorCredentials: { user: 'duo-connector', pass: stack.stack.busPassword('duo-connector') },
    busPrefix: BUS_PREFIX,
    api: new SeatwiseApi(gatewayUrl, adminApiKey),
    say,
  };
  const customers = benchCustomers(config.rows);
  const start = performance.now();
  await seedPsa(target, customers, config.seedTimeoutMs);
  await publishSnapshots(target, customers);
  await waitForRows(target, config.rows, config.seedTimeoutMs);
  const seedMs = performance.now() - start;
  const autoMapped = await checkAutoMapped(target, customers);
  say(`${config.rows} rows in ${Math.round(seedMs / 1000)} s, every account auto-mapped; measuring the console`);
  return { seedMs, autoMapped };
}

async function measureAndReport(
  browser: Browser,
  stack: ConsoleStack,
  config: BenchConfig,
  distDir: string,
  seeded: Seeded,
): Promise<void> {
  const { gatewayUrl, adminApiKey } = stack.stack.file;
  const measures = await measureConsole(browser, gatewayUrl, adminApiKey, config);
  const { pageSize } = measures.rowsScreen;
  const api: number[] = [];
  for (let i = 0; i < config.apiRuns; i++) {
    const paged = await timeApiPaging(gatewayUrl, adminApiKey, pageSize);
    if (paged.rows !== config.rows) throw new Error(`the API paged through ${paged.rows} rows, not ${config.rows}`);
    api.push(paged.ms);
  }
  const apiPagingMs = median(api);
  const js = scriptSizes(distDir, measures.firstScreens[0]?.scripts ?? []);
  for (const error of measures.errors) say(`browser: ${error}`);

  const firstScreenJsGzipKb = kb(js.gzipBytes);
  writeBenchLine({
    bench: 'console',
    firstScreenJsGzipKb,
    firstScreenJsBudgetKb: FIRST_SCREEN_JS_BUDGET_KB,
    withinBudget: firstScreenJsGzipKb <= FIRST_SCREEN_JS_BUDGET_KB,
    firstScreenJsRawKb: kb(js.rawBytes),
    firstScreenJsFiles: js.files.length,
    firstScreenJsLargest: js.files.slice(0, 3).map((f) => ({ file: f.path, gzipKb: kb(f.gzipBytes) })),
    firstScreenJsMeasure: 'dist files the browser requested, gzip level 9 (the gateway serves them uncompressed)',
    firstInteractiveMs: round(measures.firstInteractiveMs),
    emptyPageMs: round(measures.emptyPageMs),
    firstScreenRatio: ratio(measures.firstInteractiveMs, measures.emptyPageMs),
    rows: config.rows,
    rowsRenderedMs: round(measures.rowsScreen.ms),
    apiPagingMs: round(apiPagingMs),
    ratio: ratio(measures.rowsScreen.ms, apiPagingMs),
    pageSize,
    rowPageRequests: measures.rowsScreen.requests,
    firstScreenRuns: config.firstScreenRuns,
    apiRuns: config.apiRuns,
    autoMapped: seeded.autoMapped,
    seedSeconds: Math.round(seeded.seedMs / 1000),
    browserErrors: measures.errors.length,
  });
}

const round = (ms: number): number => Math.round(ms);
const ratio = (value: number, baseline: number): number => Math.round((value / baseline) * 100) / 100;
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

runBench('console', main);
