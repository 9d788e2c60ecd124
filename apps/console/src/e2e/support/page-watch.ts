import type { Page } from 'playwright-core';

// Everything the browser reported as an error while the page ran: console errors, uncaught exceptions and
// failed requests other than the ones a test provokes on purpose.
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return { errors };
}
