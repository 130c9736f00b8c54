/**
 * Rows measured in the browser: the 2,000-row table (data received → first rows painted, scrolling,
 * select-all), the main view's first-load JavaScript, and the bulk actions driven through the UI.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { waitForList } from './support/browser';
import { portalUrl } from './support/local-portal';

/**
 * Installed before the page's own scripts: records (as epoch milliseconds, the clock the browser's network
 * timings use) the first frame after the table's first data row entered the DOM. A task queued from
 * requestAnimationFrame runs once that frame is painted. Nothing in the portal changes for it.
 */
function watchFirstRowPaint() {
  const firstRow = '[aria-label="Deleted resources"] [aria-rowindex="2"]';
  const record = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        (window as unknown as { benchRowsPainted: number }).benchRowsPainted = performance.timeOrigin + performance.now();
      }, 0),
    );
  const observer = new MutationObserver(() => {
    if (!document.querySelector(firstRow)) return;
    observer.disconnect();
    record();
  });
  observer.observe(document, { childList: true, subtree: true });
}

export interface TableFigures {
  rows: number;
  firstRowsMs: number;
  scrollLongestFrameMs: number;
  scrollP95FrameMs: number;
  selectAllMs: number;
  scriptUrls: string[];
}

export async function measureTable(context: BrowserContext, subscriptionId: string, expectedRows: number): Promise<TableFigures> {
  const page = await context.newPage();
  // A background tab gets no animation frames: the page must be the visible one.
  await page.bringToFront();
  try {
    await page.addInitScript(watchFirstRowPaint);
    // Data received = the listing server action's response fully arrived (the browser's own network timing).
    let dataReceivedAt: number | undefined;
    page.on('requestfinished', (request) => {
      if (dataReceivedAt !== undefined || !request.headers()['next-action'] || !request.postData()?.includes('"subscription"')) return;
      const timing = request.timing();
      dataReceivedAt = timing.startTime + timing.responseEnd;
    });
    const scriptUrls = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && response.url().startsWith(portalUrl)) scriptUrls.add(response.url());
    });
    await page.goto(`${portalUrl}/?subscription=${subscriptionId}`);
    await waitForList(page);
    await page.waitForFunction(() => 'benchRowsPainted' in window, undefined, { timeout: 30_000 });
    const paintedAt = await page.evaluate(() => (window as unknown as { benchRowsPainted: number }).benchRowsPainted);
    if (dataReceivedAt === undefined) throw new Error('The listing server action was not seen');
    const firstRowsMs = paintedAt - dataReceivedAt;
    const rows = Number(await page.getByRole('table', { name: 'Deleted resources' }).getAttribute('aria-rowcount')) - 1;
    if (rows !== expectedRows) throw new Error(`The table shows ${rows} rows, expected ${expectedRows}`);

    // Scrolling: 60 steps of ten rows, one per frame; the figure is how long frames took while the window moved.
    const frames = await page.evaluate(async () => {
      const table = document.querySelector('table[aria-label="Deleted resources"]');
      let scroller = table?.parentElement ?? null;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
      if (!scroller) throw new Error('No scrolling container around the table');
      const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const durations: number[] = [];
      let last = await nextFrame();
      for (let step = 0; step < 60; step++) {
        scroller.scrollTop += 520;
        const now = await nextFrame();
        durations.push(now - last);
        last = now;
      }
      return durations;
    });
    frames.sort((a, b) => a - b);

    // Select-all: Event Timing's duration is input → next paint (what INP reports), rounded to 8 ms.
    await page.evaluate(() => {
      const w = window as unknown as { benchEvents: { name: string; duration: number }[] };
      w.benchEvents = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.benchEvents.push({ name: entry.name, duration: entry.duration });
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    });
    await page.getByRole('checkbox', { name: 'Select all rows' }).click();
    await page.getByText(`${expectedRows} selected`, { exact: true }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    const selectAllMs = await page.evaluate(() => {
      const w = window as unknown as { benchEvents: { name: string; duration: number }[] };
      const durations = w.benchEvents.filter((e) => /^(pointerdown|pointerup|click|mousedown|mouseup)$/.test(e.name)).map((e) => e.duration);
      // Nothing recorded means every event finished under the 16 ms threshold.
      return durations.length > 0 ? Math.max(...durations) : 16;
    });
    return {
      rows,
      firstRowsMs,
      scrollLongestFrameMs: frames[frames.length - 1] ?? NaN,
      scrollP95FrameMs: frames[Math.floor(frames.length * 0.95)] ?? NaN,
      selectAllMs,
      scriptUrls: [...scriptUrls],
    };
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
      await dialog.getByRole('button', { name: `Purge ${count} accounts` }).click();
    }
    const summary = page.getByText(new RegExp(`^\\d+ ${pastTense}`)).first();
    await summary.waitFor({ timeout: 600_000 });
    const ms = performance.now() - started;
    return { ms, summary: (await summary.textContent()) ?? '' };
  } finally {
    await page.close();
  }
}
