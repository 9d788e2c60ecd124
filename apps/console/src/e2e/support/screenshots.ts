import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

// Each screen as the run saw it, in a git-ignored folder (apps/console/.screenshots), for a person to look at.
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '.screenshots');

export async function screenshot(page: Page, name: string, dir = SCREENSHOT_DIR): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
