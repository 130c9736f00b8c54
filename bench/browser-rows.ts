/**
 * Rows measured in the browser: the 2,000-row table (data received → first rows painted, scrolling,
 * select-all), the main view's first-load JavaScript, and the bulk actions driven through the UI.
 *
 * Functions passed to page.evaluate / waitForFunction run in the page from their source text, so they must not
 * declare named functions: tsx compiles those into `__name(...)` calls that do not exist in the page (see
 * startBrowser, which defines it as a safety net).
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { ACCOUNTS_RECEIVED_MARK, ROWS_PAINTED_MARK } from '../components/performance-marks';
import { waitForList } from './support/browser';
import { portalUrl } from './support/local-portal';

export interface TableFigures {
  rows: number;
  /** Per page load: the portal's received mark to its rows-painted mark, in ms. */
  firstRowsMs: number[];
  scrollLongestFrameMs: number;
  scrollP95FrameMs: number;
  /** Per click (select all, clear, select all again): Event Timing duration, input to next paint. */
  selectAllMs: number[];
}

/**
 * Opens the table and returns the time from the listing's data reaching the page to the frame that shows its
 * rows, from the portal's own User Timing marks (components/performance-marks.ts, one clock, no conversion).
 */
async function openTable(page: Page, subscriptionId: string): Promise<number> {
  await page.goto(`${portalUrl}/?subscription=${subscriptionId}`);
  await waitForList(page);
  const marks = await page.waitForFunction(
    ([received, painted]) => {
      const receivedAt = performance.getEntriesByName(received, 'mark')[0]?.startTime;
      if (receivedAt === undefined) return undefined;
      const paintedAt = performance.getEntriesByName(painted, 'mark').find((mark) => mark.startTime >= receivedAt)?.startTime;
      return paintedAt === undefined ? undefined : { receivedAt, paintedAt };
    },
    [ACCOUNTS_RECEIVED_MARK, ROWS_PAINTED_MARK] as const,
    { timeout: 30_000 },
  );
  const { receivedAt, paintedAt } = (await marks.jsonValue()) as { receivedAt: number; paintedAt: number };
  return paintedAt - receivedAt;
}

export async function measureTable(context: BrowserContext, subscriptionId: string, expectedRows: number, loads = 3): Promise<TableFigures> {
  const page = await context.newPage();
  // A background tab gets no animation frames: the page must be the visible one.
  await page.bringToFront();
  try {
    const firstRowsMs: number[] = [];
    for (let load = 0; load < loads; load++) firstRowsMs.push(await openTable(page, subscriptionId));
    const rows = Number(await page.getByRole('table', { name: 'Deleted resources' }).getAttribute('aria-rowcount')) - 1;
    if (rows !== expectedRows) throw new Error(`The table shows ${rows} rows, expected ${expectedRows}`);

    // Scrolling: 60 steps of ten rows, one per frame; the figure is how long frames took while the window moved.
    const frames = await page.evaluate(async () => {
      const table = document.querySelector('table[aria-label="Deleted resources"]');
      let scroller = table?.parentElement ?? null;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
      if (!scroller) throw new Error('No scrolling container around the table');
      const durations: number[] = [];
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let step = 0; step < 60; step++) {
        scroller.scrollTop += 520;
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        durations.push(now - last);
        last = now;
      }
      scroller.scrollTop = 0;
      return durations;
    });
    frames.sort((a, b) => a - b);

    // Select-all: Event Timing's duration is input → next paint (what INP reports), in steps of 8 ms; events
    // that finish under its 16 ms floor are not reported, and count as 16.
    await page.evaluate(() => {
      const w = window as unknown as { benchEvents: { name: string; duration: number }[] };
      w.benchEvents = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.benchEvents.push({ name: entry.name, duration: entry.duration });
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    });
    const selectAll = page.getByRole('checkbox', { name: 'Select all rows' });
    const selectAllMs: number[] = [];
    for (const after of [`${expectedRows} selected`, null, `${expectedRows} selected`]) {
      await page.evaluate(() => {
        (window as unknown as { benchEvents: unknown[] }).benchEvents.length = 0;
      });
      await selectAll.click();
      if (after) await page.getByText(after, { exact: true }).waitFor({ timeout: 10_000 });
      else await page.getByText(`${expectedRows} selected`, { exact: true }).waitFor({ state: 'detached', timeout: 10_000 });
      // Event Timing entries are delivered after the paint they measure.
      await page.waitForTimeout(300);
      selectAllMs.push(
        await page.evaluate(() => {
          const w = window as unknown as { benchEvents: { name: string; duration: number }[] };
          const durations = w.benchEvents.filter((e) => /^(pointerdown|pointerup|click|mousedown|mouseup)$/.test(e.name)).map((e) => e.duration);
          return durations.length > 0 ? Math.max(...durations) : 16;
        }),
      );
    }
    return {
      rows,
      firstRowsMs,
      scrollLongestFrameMs: frames[frames.length - 1] ?? NaN,
      scrollP95FrameMs: frames[Math.floor(frames.length * 0.95)] ?? NaN,
      selectAllMs,
    };
  } finally {
    await page.close();
  }
}

/**
 * The scripts the signed-in main view loads from a cold start until its list is shown (same origin: the
 * production build's chunks), collected from the browser's own responses.
 */
export async function mainViewScripts(context: BrowserContext): Promise<string[]> {
  const page = await context.newPage();
  await page.bringToFront();
  try {
    const scriptUrls = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && response.url().startsWith(portalUrl)) scriptUrls.add(response.url());
    });
    await page.goto(`${portalUrl}/`);
    await waitForList(page);
    await page.waitForLoadState('networkidle');
    return [...scriptUrls];
  } finally {
    await page.close();
  }
}

/** Gzipped bytes of each script, fetched from the production server as the browser fetched them. */
export async function gzippedBytes(urls: string[]): Promise<{ total: number; files: number }> {
  let total = 0;
  for (const url of urls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    total += gzipSync(Buffer.from(await response.arrayBuffer())).length;
  }
  return { total, files: urls.length };
}

/** Selects every row and runs Recover or Purge through the UI; returns the wall time to the summary. */
export async function runBulkInUi(
  context: BrowserContext,
  subscriptionId: string,
  kind: 'recover' | 'purge',
  count: number,
): Promise<{ ms: number; summary: string }> {
  const page: Page = await context.newPage();
  await page.bringToFront();
  try {
    await page.goto(`${portalUrl}/?subscription=${subscriptionId}`);
    await waitForList(page);
    await page.getByRole('checkbox', { name: 'Select all rows' }).click();
    await page.getByText(`${count} selected`, { exact: true }).waitFor();
    const pastTense = kind === 'recover' ? 'recovered' : 'purged';
    let started: number;
    if (kind === 'recover') {
      started = performance.now();
      await page.getByRole('button', { name: 'Recover', exact: true }).click();
    } else {
      await page.getByRole('button', { name: 'Purge', exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByRole('textbox').fill(String(count));
      started = performance.now();
      await dialog.getByRole('button', { name: new RegExp(`^Purge ${count} `) }).click();
    }
    const summary = page.getByText(new RegExp(`^\\d+ ${pastTense}`)).first();
    await summary.waitFor({ timeout: 600_000 });
    const ms = performance.now() - started;
    return { ms, summary: (await summary.textContent()) ?? '' };
  } finally {
    await page.close();
  }
}
