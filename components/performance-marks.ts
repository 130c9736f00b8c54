/**
 * User Timing marks around the deleted-accounts table, read by `npm run bench` (bench/browser-rows.ts) and
 * visible in any browser's performance panel: the listing's data reached the page, then the frame that
 * shows its rows was painted.
 */
import { afterNextPaint } from './after-paint';

export const ACCOUNTS_RECEIVED_MARK = 'deleted-accounts:received';
export const ROWS_PAINTED_MARK = 'deleted-accounts:rows-painted';

/** Marks the first moment after the next frame is painted; returns what cancels it. */
export function markAfterNextPaint(name: string): () => void {
  return afterNextPaint(() => performance.mark(name));
}
