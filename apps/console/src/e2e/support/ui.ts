import type { Locator, Page } from 'playwright-core';

// Waits for a condition the page shows, with a deadline; what it last saw is in the error.
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  {
    timeoutMs = 60_000,
    intervalMs = 500,
    explain,
  }: { timeoutMs?: number; intervalMs?: number; explain?: () => Promise<string> } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      const detail = explain ? `\n${await explain().catch((e: unknown) => String(e))}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

// Drags with the mouse as a person does: press, move in steps (dnd-kit's pointer sensor starts a drag
// only after the pointer moved), release over the target.
export async function dragWithMouse(page: Page, source: Locator, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    const x = from.x + from.width / 2 + ((to.x + to.width / 2 - (from.x + from.width / 2)) * i) / steps;
    const y = from.y + from.height / 2 + ((to.y + to.height / 2 - (from.y + from.height / 2)) * i) / steps;
    await page.mouse.move(x, y);
  }
  await page.mouse.up();
}

// Drags with the keyboard: Space picks the item up, arrow keys move it between drop targets (dnd-kit
// announces where it is in its live region), Space drops it once the announcement names the target.
export async function dragWithKeyboard(page: Page, handle: Locator, over: RegExp, maxMoves = 20): Promise<void> {
  await handle.focus();
  await page.keyboard.press('Space');
  for (let move = 0; move < maxMoves; move++) {
    await page.keyboard.press('ArrowDown');
    const announced = await page.locator('[id^="DndLiveRegion"]').allTextContents();
    if (over.test(announced.join(' '))) {
      await page.keyboard.press('Space');
      return;
    }
  }
  await page.keyboard.press('Escape');
  throw new Error(`the keyboard drag never reached ${String(over)}`);
}
