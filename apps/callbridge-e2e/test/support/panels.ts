import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { frameOf } from './browser';

/** The rows of a panel's call list, as the rep reads them (one string per call, newest first). */
export function callRows(panel: Frame): Promise<string[]> {
  return panel.locator('cb-call-list li').allInnerTexts();
}

/** Waits until the panel shows its calls (or its "No calls yet." state) and answers the rows. */
export async function settledRows(panel: Frame): Promise<string[]> {
  await panel.locator('cb-call-list li, cb-call-list p').first().waitFor({ timeout: 15_000 });
  return callRows(panel);
}

/** Waits until the panel's rows satisfy `check`, and answers them. */
export async function rowsWhen(panel: Frame, what: string, check: (rows: string[]) => boolean, timeout = 15_000): Promise<string[]> {
  let rows: string[] = [];
  await expect
    .poll(
      async () => {
        rows = await callRows(panel);
        return check(rows);
      },
      { timeout, message: `panel rows ${what}` },
    )
    .toBe(true);
  return rows;
}

export interface LogCallValues {
  direction: 'Outgoing' | 'Incoming';
  outcome: string;
  duration: string;
  notes: string;
}

/** The "Log a call" modal, opened from a panel: the newest `modal` iframe on the top page. */
export async function openLogCallModal(page: Page, panel: Frame): Promise<Frame> {
  await panel.getByRole('button', { name: 'Log a call' }).click();
  const modal = await frameOf(page, 'modal');
  await modal.locator('cb-log-call-form form').waitFor({ timeout: 15_000 });
  return modal;
}

/** Fills the form as a rep would and saves it. */
export async function fillAndSave(modal: Frame, values: LogCallValues): Promise<void> {
  await modal.getByRole('radio', { name: values.direction }).check();
  await modal.getByLabel('Outcome').selectOption(values.outcome);
  await modal.getByLabel('Duration (mm:ss or seconds)').fill(values.duration);
  await modal.getByLabel('Notes').fill(values.notes);
  await modal.getByRole('button', { name: 'Save' }).click();
}

/** Resolves once no modal is on the page any more. */
export async function modalClosed(page: Page): Promise<void> {
  await expect.poll(() => page.locator('iframe[data-fdk-location="modal"]').count(), { timeout: 15_000, message: 'the modal closes' }).toBe(0);
}

/**
 * Marks the top page and the given frames, so a test can tell later that none of them was reloaded or navigated
 * (a reload starts a new window, which has no mark).
 */
export async function markWindows(page: Page, frames: Frame[]): Promise<() => Promise<boolean[]>> {
  const mark = `e2e-${Math.random().toString(36).slice(2)}`;
  const targets = [page.mainFrame(), ...frames];
  for (const frame of targets) await frame.evaluate((value) => ((window as unknown as { __e2eMark?: string }).__e2eMark = value), mark);
  return () => Promise.all(targets.map((frame) => frame.evaluate((value) => (window as unknown as { __e2eMark?: string }).__e2eMark === value, mark).catch(() => false)));
}

/** `window.__xss` of every frame on the page (the top page, panels, modals); undefined everywhere when nothing ran. */
export function xssFlags(page: Page): Promise<unknown[]> {
  return Promise.all(page.frames().map((frame) => frame.evaluate(() => (window as unknown as { __xss?: unknown }).__xss).catch(() => 'frame gone')));
}
