import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

// Debian's Chromium, headless, with nothing reaching out to the network (no browser download works here).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function chromiumPath(): string {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return configured;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'chromium is not on PATH: install it (Debian: apt-get install chromium; `bash .ci/run` does) or set CHROMIUM_PATH',
    );
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
