'use client';

import { useCallback, useMemo, useState } from 'react';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { HIDE_AFTER_SUCCESS_MS, reconcileHidden } from '@/lib/deleted-resources/view';

const NO_ROWS: DeletedResource[] = [];

/**
 * The rows the table holds: ARM's list, without the rows an action here just recovered or purged (hidden
 * while ARM's list catches up), plus the rows whose action failed (pinned with ARM's answer until retried or
 * dismissed, even when a refresh no longer lists them: a purge that took effect but whose answer was lost).
 */
export function useVisibleRows(listed: DeletedResource[] | undefined, now: number) {
  const [hidden, setHidden] = useState<Map<string, number>>(() => new Map());
  const [pinned, setPinned] = useState<DeletedResource[]>([]);

  const rows = useMemo(() => {
    const all = listed ?? NO_ROWS;
    // The same array while nothing is hidden, so the clock's tick does not sort and filter the list again.
    const shown = hidden.size === 0 ? all : reconcileHidden(all, hidden, now).visible;
    if (pinned.length === 0) return shown;
    const shownIds = new Set(shown.map((row) => row.id.toLowerCase()));
    const missing = pinned.filter((row) => !shownIds.has(row.id.toLowerCase()) && !hidden.has(row.id.toLowerCase()));
    return missing.length === 0 ? shown : [...shown, ...missing];
  }, [listed, hidden, now, pinned]);

  const hide = useCallback((ids: readonly string[]) => {
    setHidden((current) => {
      const next = new Map(current);
      for (const id of ids) next.set(id.toLowerCase(), Date.now() + HIDE_AFTER_SUCCESS_MS);
      return next;
    });
  }, []);

  return { rows, hide, pin: setPinned };
}
