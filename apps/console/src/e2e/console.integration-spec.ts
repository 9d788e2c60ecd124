import type { Browser, BrowserContext, Page } from 'playwright-core';
import { duoSimInfoSchema, fetchSimInfo, psaSimInfoSchema } from '@seatwise/stack/demo/sim-info';
import { billed, duoTruth, productIdentifierOf, psaTruth } from '@seatwise/stack/__e2e__/truths';
import { launchChromium } from './support/chromium';
import { type ConsoleStack, startConsoleStack } from './support/console-stack';
import { watchPage } from './support/page-watch';
import { screenshot } from './support/screenshots';
import { dragWithKeyboard, dragWithMouse, textOf, waitUntil } from './support/ui';

// The console in Debian's Chromium against the whole stack as `npm run stack` runs it (demo off, so every
// step is done here, through the screens), checked against the simulators' truth.
jest.setTimeout(900_000);

const LONG = { timeoutMs: 120_000, intervalMs: 1_000 };
let stack: ConsoleStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let gatewayUrl: string;

beforeAll(async () => {
  stack = await startConsoleStack({
    demo: false,
    accounts: 5,
    users: 20,
    events: 2_000,
    timeoutMs: 240_000,
  });
  gatewayUrl = stack.stack.file.gatewayUrl;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  errors = watchPage(page).errors;
});

afterAll(async () => {
  // Either may be missing when beforeAll failed part-way.
  await (browser as Browser | undefined)?.close();
  await (stack as ConsoleStack | undefined)?.stop();
});

// On failure: where the page was and what the stack was doing.
async function step(what: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await screenshot(page, `failed-${what.replace(/\W+/g, '-')}`).catch(() => undefined);
    throw new Error(
      `${what}: ${error instanceof Error ? error.message : String(error)}\nurl: ${page.url()}\n` +
        `--- stack output ---\n${stack.stack.output()}`,
      { cause: error },
    );
  }
}

// What the API says, when the screen does not show what a test waits for.
async function serverRows(): Promise<string> {
  return page.evaluate(async () => JSON.stringify(await (await fetch('/api/v1/reconciliation')).json()));
}

async function signIn(apiKey: string): Promise<void> {
  await page.goto(`${gatewayUrl}/`);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

async function open(section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
  await page.getByRole('heading', { level: 2, name: section === 'SaaS' ? 'SaaS inventory' : section }).waitFor();
}

describe('the console in a real browser (npm run stack, demo off)', () => {
  it('connects Duo and ConnectWise, maps by drag and keyboard, approves and dismisses, and keeps viewers read-only', async () => {
    const urls = stack.stack.file;
    const duo = await fetchSimInfo(urls.duoSimulatorUrl, duoSimInfoSchema);
    const psa = await fetchSimInfo(urls.psaSimulatorUrl, psaSimInfoSchema);

    await step('sign in', async () => {
      await signIn(urls.adminApiKey);
      await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
      await screenshot(page, '01-overview-empty');
    });

    await step('connect a Duo Accounts API integration through the wizard and watch it backfill', async () => {
      await open('Integrations');
      await page.getByRole('button', { name: 'Connect Duo' }).click();
      const wizard = page.getByRole('dialog', { name: 'Connect Duo' });
      await wizard.getByRole('radio', { name: /Accounts API/ }).check();
      await wizard.getByRole('button', { name: 'Next', exact: true }).click();
      await wizard.getByRole('textbox', { name: /^Name/ }).fill('Demo MSP');
      await wizard.getByRole('textbox', { name: /^API hostname/ }).fill(urls.duoSimulatorUrl);
      await wizard.getByRole('textbox', { name: /^Integration key/ }).fill(duo.accountsApi.ikey);
      await wizard.getByLabel(/^Secret key/).fill(duo.accountsApi.skey);
      await wizard.getByRole('button', { name: 'Authenticate', exact: true }).click();
      await wizard.getByText(/5 accounts found/).waitFor();
      await screenshot(page, '02-duo-wizard-authenticated');
      await wizard.getByRole('button', { name: 'Done' }).click();
      const card = page.getByRole('region', { name: 'Integration Demo MSP' });
      await waitUntil(
        'the integration to backfill and come back idle',
        async () => /idle/i.test(await textOf(card)),
        LONG,
      );
      await card.getByRole('cell', { name: 'Initech Health' }).waitFor();
      await screenshot(page, '03-integrations');
    });

    await step('connect ConnectWise', async () => {
      await page.getByRole('button', { name: 'Connect PSA' }).click();
      const form = page.getByRole('dialog', { name: 'Connect ConnectWise' });
      await form.getByRole('textbox', { name: /^Name/ }).fill('ConnectWise');
      await form.getByRole('textbox', { name: /^Site URL/ }).fill(urls.psaSimulatorUrl);
      await form.getByRole('textbox', { name: /^Company id/ }).fill(psa.companyId);
      await form.getByRole('textbox', { name: /^Public key/ }).fill(psa.publicKey);
      await form.getByLabel(/^Private key/).fill(psa.privateKey);
      await form.getByRole('textbox', { name: /^Client id/ }).fill(psa.clientId);
      await form.getByRole('button', { name: 'Connect' }).click();
      const card = page.getByRole('region', { name: 'PSA connection ConnectWise' });
      await waitUntil('the first PSA sync to complete', async () => /complete/i.test(await textOf(card)), LONG);
    });

    await step('map an account by dragging and another with the keyboard', async () => {
      await open('Mapping');
      const accounts = page.getByRole('table', { name: 'Duo accounts' });
      await accounts.getByRole('row', { name: /Stark Bank/ }).waitFor({ timeout: LONG.timeoutMs });
      // Globex was auto-mapped on its exact name: unmapped first, it is mapped again below by keyboard.
      await accounts.getByRole('button', { name: 'More actions for Globex Logistics' }).click();
      await page.getByRole('menuitem', { name: 'Unmap' }).click();
      await waitUntil('Globex to be unmapped', async () =>
        /unmapped/i.test(await textOf(accounts.getByRole('row', { name: /Globex Logistics/ }))),
      );
      const companies = page.getByRole('table', { name: 'PSA companies' });
      await dragWithMouse(
        page,
        companies.getByRole('button', { name: 'Drag Stark, Bank' }),
        accounts.getByRole('cell', { name: 'Stark Bank', exact: true }),
      );
      await waitUntil('Stark Bank to be mapped to "Stark, Bank"', async () =>
        /Stark, Bank/.test(await textOf(accounts.getByRole('row', { name: /Stark Bank/ }))),
      );
      await dragWithKeyboard(
        page,
        companies.getByRole('button', { name: 'Drag Globex Logistics' }),
        /is over .*Globex Logistics/,
      );
      await waitUntil('Globex to be mapped again', async () =>
        /mapped/i.test(
          (await textOf(accounts.getByRole('row', { name: /Globex Logistics/ }))).replace(/unmapped/i, ''),
        ),
      );
      await screenshot(page, '04-mapping-accounts');
    });

    await step('map a service', async () => {
      await page.getByRole('tab', { name: 'Services' }).click();
      await page.getByRole('button', { name: 'Map Premier to…' }).click();
      await page.getByRole('menuitem', { name: /^Duo Premier/ }).click();
      await page.getByRole('link', { name: 'Go to reconciliation' }).waitFor({ timeout: LONG.timeoutMs });
      await screenshot(page, '05-mapping-services');
    });

    const initech = (await duoTruth(urls.duoSimulatorUrl)).accounts.find((a) => a.name === 'Initech Health');
    if (!initech) throw new Error('the Duo simulator has no Initech Health');

    await step('approve the under-billed row and see it applied, in the PSA too', async () => {
      await open('Reconciliation');
      const row = page.getByRole('row', { name: /Initech Health.*Premier/ });
      await waitUntil('the under-billed Initech row', async () => /under/i.test(await textOf(row)), LONG);
      await screenshot(page, '06-reconciliation');
      await row.getByRole('button', { name: 'Actions for Initech Health Premier' }).click();
      await page.getByRole('menuitem', { name: 'Approve' }).click();
      const dialog = page.getByRole('dialog', { name: 'Approve 1 row' });
      await dialog.getByRole('textbox', { name: /Note/ }).fill('checked with the customer');
      await dialog.getByRole('button', { name: 'Approve 1 row' }).click();
      await waitUntil('the row to be applied', async () => /applied/i.test(await textOf(row)), {
        ...LONG,
        explain: () => serverRows(),
      });
      const company = (await psaTruth(urls.psaSimulatorUrl)).companies.find((c) => c.name === 'Initech Health');
      expect(company && billed(company, productIdentifierOf('premier'))).toBe(initech.billable_seats);
    });

    await step('dismiss another row', async () => {
      const row = page.getByRole('row', { name: /Globex Logistics.*Premier/ });
      await waitUntil('the Globex row', async () => /pending/i.test(await textOf(row)), LONG);
      await row.getByRole('button', { name: 'Actions for Globex Logistics Premier' }).click();
      await page.getByRole('menuitem', { name: 'Dismiss' }).click();
      await page.getByRole('dialog', { name: 'Dismiss 1 row' }).getByRole('button', { name: 'Dismiss 1 row' }).click();
      await waitUntil('the row to be dismissed', async () => /dismissed/i.test(await textOf(row)));
      await screenshot(page, '07-reconciliation-decided');
    });

    let viewerKey = '';
    await step('create a viewer key', async () => {
      await open('API keys');
      await page.getByRole('button', { name: 'New API key' }).click();
      const form = page.getByRole('dialog', { name: 'New API key' });
      await form.getByRole('textbox', { name: 'Name' }).fill('auditor');
      await form.getByRole('button', { name: 'Create key' }).click();
      const shown = page.getByRole('dialog', { name: 'API key for auditor' });
      viewerKey = (await textOf(shown.getByLabel('New API key'))).trim();
      expect(viewerKey).toMatch(/^swk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
      await shown.getByRole('button', { name: 'Done' }).click();
    });

    await step('a viewer sees no mutating control', async () => {
      await signOut();
      await signIn(viewerKey);
      expect(await page.getByRole('link', { name: 'API keys' }).count()).toBe(0);
      await open('Reconciliation');
      await page.getByRole('row', { name: /Initech Health.*Premier/ }).waitFor();
      expect(await page.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);
      expect(await page.getByRole('checkbox', { name: /^Select/ }).count()).toBe(0);
      await screenshot(page, '08-reconciliation-viewer');
      await open('Integrations');
      await page.getByRole('region', { name: 'Integration Demo MSP' }).waitFor();
      for (const name of ['Connect Duo', 'Connect PSA', /^Delete/, /^Edit/, /^Sync .* now$/]) {
        expect(await page.getByRole('button', { name }).count()).toBe(0);
      }
      await open('Mapping');
      await page
        .getByRole('table', { name: 'Duo accounts' })
        .getByRole('row', { name: /Stark Bank/ })
        .waitFor();
      expect(await page.getByRole('button', { name: /^Drag / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Map .* to…$/ }).count()).toBe(0);
    });

    await step('signing out ends the session', async () => {
      await signOut();
      const state: unknown = await page.evaluate(
        async () => (await fetch('/api/v1/session')).json() as Promise<unknown>,
      );
      expect(state).toEqual({ session: null });
      const refused = await page.evaluate(async () => (await fetch('/api/v1/reconciliation')).status);
      expect(refused).toBe(401);
    });

    // The 401 above is provoked on purpose; nothing else may have reached the browser's console.
    expect(errors.filter((e) => !/401 \(Unauthorized\)/.test(e))).toEqual([]);
  });
});
