import { normalizeRegion } from './regions';
import type { DeletedResource } from './types';

/** What the person filters by; every field lives in the URL. */
export interface ResourceFilters {
  /** 'all' or a subscription id */
  subscription: string;
  /** registry type ids (lib/resource-types) */
  types: string[];
  /** raw `kind` values (an AI services account's API kind) */
  kinds: string[];
  /** normalized region names */
  regions: string[];
  search: string;
}

export function filterResources<Rows extends readonly DeletedResource[]>(rows: Rows, filters: ResourceFilters): Rows | DeletedResource[] {
  const types = new Set(filters.types);
  const kinds = new Set(filters.kinds.map((kind) => kind.toLowerCase()));
  const regions = new Set(filters.regions.map(normalizeRegion));
  const search = filters.search.trim().toLowerCase();
  // No filter: the same rows, not a copy (a pass over 20,000 rows the table's first paint would wait for).
  if (types.size === 0 && kinds.size === 0 && regions.size === 0 && search === '') return rows;
  return rows.filter(
    (row) =>
      (types.size === 0 || types.has(row.type)) &&
      (kinds.size === 0 || kinds.has(row.kind.toLowerCase())) &&
      (regions.size === 0 || regions.has(normalizeRegion(row.location))) &&
      (search === '' ||
        row.name.toLowerCase().includes(search) ||
        row.resourceGroup.toLowerCase().includes(search) ||
        (row.subdomain?.toLowerCase().includes(search) ?? false)),
  );
}

/** Rows that left ARM's deleted list because of an action here, hidden until ARM catches up. */
export type HiddenRows = ReadonlyMap<string, number>;

/** How long a recovered or purged row stays hidden while ARM's list may still show it. */
export const HIDE_AFTER_SUCCESS_MS = 5 * 60 * 1000;

/**
 * Recovered resources can linger in ARM's deleted list for a while. Rows that succeeded stay hidden until
 * the list no longer has them or the window passes, so they do not flicker back after a refresh.
 */
export function reconcileHidden(
  accounts: readonly DeletedResource[],
  hidden: HiddenRows,
  now: number,
): { visible: DeletedResource[]; hidden: Map<string, number> } {
  const listed = new Set(accounts.map((account) => account.id.toLowerCase()));
  const stillHidden = new Map<string, number>();
  for (const [id, until] of hidden) {
    if (until > now && listed.has(id)) stillHidden.set(id, until);
  }
  return { visible: accounts.filter((account) => !stillHidden.has(account.id.toLowerCase())), hidden: stillHidden };
}

/** Under this much time left before the purge, the countdown is shown as a warning. */
export const PURGE_WARNING_MS = 6 * 60 * 60 * 1000;

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} min`;
  return `${rest} min`;
}

export function formatRelativePast(iso: string | null, now: number): string {
  if (iso === null) return 'unknown';
  return `${formatDuration(now - Date.parse(iso))} ago`;
}

export function formatCountdown(iso: string | null, now: number): { text: string; warning: boolean; passed: boolean } {
  if (iso === null) return { text: 'unknown', warning: false, passed: false };
  const left = Date.parse(iso) - now;
  // Real ARM lists entries long past their purge date: say how long ago it passed rather than "due now".
  if (left <= 0) return { text: `passed ${formatDuration(-left)} ago`, warning: true, passed: true };
  return { text: `in ${formatDuration(left)}`, warning: left < PURGE_WARNING_MS, passed: false };
}
