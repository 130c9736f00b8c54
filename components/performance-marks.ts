/**
 * User Timing marks around the deleted-accounts table, read by `npm run bench` (bench/browser-rows.ts) and
 * visible in any browser's performance panel: the listing's data reached the page, then the frame that
 * shows its rows was painted.
 */
export const ACCOUNTS_RECEIVED_MARK = 'deleted-accounts:received';
export const ROWS_PAINTED_MARK = 'deleted-accounts:rows-painted';

/** Marks the first moment after the next frame is painted (a task queued from requestAnimationFrame). */
export function markAfterNextPaint(name: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => performance.mark(name), 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
