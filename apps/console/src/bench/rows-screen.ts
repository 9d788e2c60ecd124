import type { Page } from 'playwright-core';

export interface RowsScreen {
  // From the click on "Reconciliation" to every row loaded and the last one painted.
  ms: number;
  // The `limit` the console pages the list with (the API baseline uses the same).
  pageSize: number;
  requests: number;
}

const REGION = 'Reconciliation rows, scrollable';

// On a signed-in page showing any screen: opens the reconciliation list from the navigation and scrolls its table
// to the end until every row is loaded (the table's status says "<rows> rows"), as a user reading it to the end.
export async function loadAllRows(page: Page, rows: number, timeout: number): Promise<RowsScreen> {
  const limits: number[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/v1/reconciliation') limits.push(Number(url.searchParams.get('limit')));
  });
  const start = await page.evaluate(() => performance.now());
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Reconciliation', exact: true })
    .click({ timeout });
  const region = page.getByRole('region', { name: REGION, exact: true });
  await region.waitFor({ timeout });
  const end = await region.evaluate(scrollToAllRows, { rows, timeoutMs: timeout });
  await checkTable(page, rows);
  const pageSize = Math.max(...limits);
  if (limits.length === 0 || limits.some((l) => l !== pageSize)) {
    throw new Error(`the console paged the list with limits ${limits.join(', ') || '(none)'}`);
  }
  return { ms: end - start, pageSize, requests: limits.length };
}

// Runs in the page: scrolls the table's region to its end on every frame (each end in view loads the next page)
// until the status counts every row and the last row is in the table, then resolves after that frame's paint with
// the time in ms since navigation start.
function scrollToAllRows(region: Element, want: { rows: number; timeoutMs: number }): Promise<number> {
  const deadline = performance.now() + want.timeoutMs;
  const expected = `${want.rows} rows`;
  const lastRow = `tr[aria-rowindex="${want.rows + 1}"]`;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      region.scrollTop = region.scrollHeight;
      const status = region.parentElement?.querySelector('[role="status"]')?.textContent ?? '';
      if (status === expected && region.querySelector(lastRow) !== null) {
        requestAnimationFrame(() => {
          setTimeout(() => {
            resolve(performance.now());
          }, 0);
        });
      } else if (performance.now() > deadline) {
        reject(new Error(`the table still says "${status}" (waiting for "${expected}")`));
      } else {
        requestAnimationFrame(tick);
      }
    };
    tick();
  });
}

async function checkTable(page: Page, rows: number): Promise<void> {
  const table = page.getByRole('table', { name: 'Reconciliation rows', exact: true });
  const count = await table.getAttribute('aria-rowcount');
  const status = await page
    .getByRole('region', { name: REGION, exact: true })
    .locator('xpath=..')
    .getByRole('status')
    .textContent();
  if (count !== String(rows + 1) || status !== `${rows} rows`) {
    throw new Error(`the table has aria-rowcount ${count ?? 'none'} and says "${status ?? ''}"`);
  }
}
