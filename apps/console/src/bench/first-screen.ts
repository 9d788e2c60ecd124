import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchPage } from '../e2e/support/page-watch';

export type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface FirstScreen {
  // From the navigation's start (the page's time origin) to the overview heading shown with its data loaded.
  ms: number;
  // URL paths of the JavaScript files requested until then.
  scripts: string[];
  errors: string[];
}

const overviewHeading = (page: Page) => page.getByRole('heading', { name: 'Overview', level: 2, exact: true });

// Signs in through the console's form with the API key, as a person does; the session cookie is what comes back.
export async function signIn(browser: Browser, gatewayUrl: string, apiKey: string, timeout: number): Promise<SignedIn> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(gatewayUrl, { timeout });
    await page.getByLabel('API key').fill(apiKey, { timeout });
    await page.getByRole('button', { name: 'Sign in', exact: true }).click({ timeout });
    await overviewHeading(page).waitFor({ timeout });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

// One cold load of / by a signed-in user (a new context: nothing cached). The end is taken in the page, on the
// first frame where the overview's heading is shown and none of its cards is still loading.
export async function loadFirstScreen(
  browser: Browser,
  gatewayUrl: string,
  signedIn: SignedIn,
  timeout: number,
): Promise<FirstScreen> {
  const context = await browser.newContext({ storageState: signedIn });
  try {
    const page = await context.newPage();
    const { errors } = watchPage(page);
    const origin = new URL(gatewayUrl).origin;
    const scripts: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === origin && url.pathname.endsWith('.js')) scripts.push(url.pathname);
    });
    await page.goto(gatewayUrl, { waitUntil: 'commit', timeout });
    const done = await page.waitForFunction(overviewReadyAt, undefined, { polling: 'raf', timeout });
    const ms = await done.jsonValue();
    const requested = [...scripts];
    // The same screen found by its role and name, as a person (or a screen reader) finds it.
    if (!(await overviewHeading(page).isVisible())) throw new Error('the Overview heading is not visible');
    if (typeof ms !== 'number') throw new Error('the overview never finished loading');
    return { ms, scripts: requested, errors };
  } finally {
    await context.close();
  }
}

// Runs in the page: the time (ms since navigation start) once the overview is shown with its data, else false.
function overviewReadyAt(): number | false {
  const heading = Array.from(document.querySelectorAll('main h2')).find((h) => h.textContent === 'Overview');
  if (!heading?.checkVisibility()) return false;
  return document.querySelector('main [aria-label^="Loading"]') === null ? performance.now() : false;
}

// The baseline: index.html alone from the same server (its scripts and styles refused), navigation start to load.
export async function loadEmptyPage(browser: Browser, gatewayUrl: string, timeout: number): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) =>
      route.request().resourceType() === 'document' ? route.continue() : route.abort(),
    );
    await page.goto(gatewayUrl, { waitUntil: 'load', timeout });
    return await page.evaluate(loadedAt);
  } finally {
    await context.close();
  }
}

// Runs in the page: when its load event ended, in ms since navigation start.
function loadedAt(): number {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : performance.now();
}
