import { normalizeRegion } from './regions';
import type { DeletedAccount } from './types';

/** What the person filters by; every field lives in the URL. */
export interface AccountFilters {
  /** 'all' or a subscription id */
  subscription: string;
  /** raw `kind` values */
  kinds: string[];
  /** normalized region names */
  regions: string[];
  search: string;
}

export function filterAccounts(accounts: readonly DeletedAccount[], filters: AccountFilters): DeletedAccount[] {
  const kinds = new Set(filters.kinds.map((kind) => kind.toLowerCase()));
  const regions = new Set(filters.regions.map(normalizeRegion));
  const search = filters.search.trim().toLowerCase();
  return accounts.filter(
    (account) =>
      (kinds.size === 0 || kinds.has(account.kind.toLowerCase())) &&
      (regions.size === 0 || regions.has(normalizeRegion(account.location))) &&
      (search === '' ||
        account.name.toLowerCase().includes(search) ||
        account.resourceGroup.toLowerCase().includes(search)),
  );
}

/** Accounts that left ARM's deleted list because of an action here, hidden until ARM catches up. */
export type HiddenAccounts = ReadonlyMap<string, number>;

/** How long a recovered or purged account stays hidden while ARM's list may still show it. */
export const HIDE_AFTER_SUCCESS_MS = 5 * 60 * 1000;

/**
 * Recovered accounts can linger in ARM's deleted list for a while. Rows that succeeded stay hidden until
 * the list no longer has them or the window passes, so they do not flicker back after a refresh.
 */
export function reconcileHidden(
  accounts: readonly DeletedAccount[],
  hidden: HiddenAccounts,
  now: number,
): { visible: DeletedAccount[]; hidden: Map<string, number> } {
  const listed = new Set(accounts.map((account) => account.id.toLowerCase()));
  const stillHidden = new Map<string, number>();
  for (const [id, until] of hidden) {
    if (until > now && listed.has(id)) stillHidden.set(id, until);
  }
  return { visible: accounts.filter((account) => !stillHidden.has(account.id.toLowerCase())), hidden: stillHidden };
}

export type SortColumn = 'name' | 'kind' | 'location' | 'resourceGroup' | 'subscription' | 'deleted' | 'scheduledPurge' | 'status';

/** Unknown (or unreadable) times sort last. */
function timeOf(value: string | null): number {
  const time = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

// One collator each, made once: `localeCompare` with options builds a new collator on every call, which
// dominated sorting 2,000 rows.
const textCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const nameCollator = new Intl.Collator();

export function compareAccounts(
  column: SortColumn,
  subscriptionName: (id: string) => string,
): (a: DeletedAccount, b: DeletedAccount) => number {
  const key = sortKeyOf(column, subscriptionName);
  return (a, b) => compareKeys(key(a), key(b));
}

type SortKey = string | number;

function sortKeyOf(column: SortColumn, subscriptionName: (id: string) => string): (account: DeletedAccount) => SortKey {
  switch (column) {
    case 'name':
      return (account) => account.name;
    case 'kind':
      return (account) => account.kindDisplayName;
    case 'location':
      return (account) => account.locationDisplayName;
    case 'resourceGroup':
      return (account) => account.resourceGroup;
    case 'subscription':
      return (account) => subscriptionName(account.subscriptionId);
    case 'status':
      return (account) => account.status.label;
    case 'deleted':
      return (account) => timeOf(account.deletedAt);
    case 'scheduledPurge':
      return (account) => timeOf(account.scheduledPurgeAt);
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  return textCollator.compare(String(a), String(b));
}

/**
 * The table's order: by the column, ties by name, then reversed for descending. Each row's key (a parsed
 * timestamp, a display text) is worked out once, not twice per comparison.
 */
export function sortAccounts(
  accounts: readonly DeletedAccount[],
  column: SortColumn,
  direction: 'ascending' | 'descending',
  subscriptionName: (id: string) => string,
): DeletedAccount[] {
  const key = sortKeyOf(column, subscriptionName);
  const keyed = accounts.map((account) => ({ account, key: key(account) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || nameCollator.compare(a.account.name, b.account.name));
  const sorted = keyed.map((entry) => entry.account);
  return direction === 'ascending' ? sorted : sorted.reverse();
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
  if (left <= 0) return { text: 'due now', warning: true, passed: true };
  return { text: `in ${formatDuration(left)}`, warning: left < PURGE_WARNING_MS, passed: false };
}
