import type { Browser } from 'playwright-core';
import { screenshot } from '../e2e/support/screenshots';
import { watchPage } from '../e2e/support/page-watch';
import { type BenchConfig, median } from './bench-config';
import { type FirstScreen, loadEmptyPage, loadFirstScreen, signIn } from './first-screen';
import { loadAllRows, type RowsScreen } from './rows-screen';

export interface ConsoleMeasures {
  firstScreens: FirstScreen[];
  firstInteractiveMs: number;
  emptyPageMs: number;
  rowsScreen: RowsScreen;
  errors: string[];
}

// Everything measured in headless Chromium: cold first screens and empty pages (medians), then the whole list.
export async function measureConsole(
  browser: Browser,
  gatewayUrl: string,
  apiKey: string,
  config: BenchConfig,
): Promise<ConsoleMeasures> {
  const timeout = config.browserTimeoutMs;
  const signedIn = await signIn(browser, gatewayUrl, apiKey, timeout);
  const firstScreens: FirstScreen[] = [];
  const empty: number[] = [];
  for (let run = 0; run < config.firstScreenRuns; run++) {
    empty.push(await loadEmptyPage(browser, gatewayUrl, timeout));
    firstScreens.push(await loadFirstScreen(browser, gatewayUrl, signedIn, timeout));
  }
  const context = await browser.newContext({ storageState: signedIn });
  try {
    const page = await context.newPage();
    const { errors } = watchPage(page);
    await page.goto(gatewayUrl, { timeout });
    await page.getByRole('heading', { name: 'Overview', level: 2, exact: true }).waitFor({ timeout });
    const rowsScreen = await loadAllRows(page, config.rows, timeout).catch(async (error: unknown) => {
      const shot = await screenshot(page, 'bench-failure').catch(() => 'none');
      throw new Error(`${error instanceof Error ? error.message : String(error)} (screenshot: ${shot})`, {
        cause: error,
      });
    });
    await screenshot(page, 'bench-reconciliation-rows');
    return {
      firstScreens,
      firstInteractiveMs: median(firstScreens.map((f) => f.ms)),
      emptyPageMs: median(empty),
      rowsScreen,
      errors: [...firstScreens.flatMap((f) => f.errors), ...errors],
    };
  } finally {
    await context.close();
  }
}
