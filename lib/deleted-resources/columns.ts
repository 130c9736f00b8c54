import { typeDisplayName } from '@/lib/resource-types';
import { deletedByText, type DeletedBy } from './deleted-by';
import type { DeletedResource } from './types';

/** What a column needs beyond the row: the subscription's display name. */
export interface ColumnContext {
  subscriptionName: (id: string) => string;
  /** Who deleted the row, from the activity log (read after the rows are shown); absent where it is not read. */
  deletedBy?: (row: DeletedResource) => DeletedBy;
}

/**
 * One table column, defined once: its header, the key it sorts by, and the text of its cell (which the table
 * shows where a column has no richer cell, and which an export writes).
 */
export interface Column {
  id: ColumnId;
  label: string;
  sortKey: (row: DeletedResource, context: ColumnContext) => string;
  /** How keys compare: as text people read (case-blind, numbers by value), or by code point (time keys). */
  order?: 'text' | 'codePoint';
  text: (row: DeletedResource, context: ColumnContext) => string;
  /** Shown only when the view spans several subscriptions. */
  onlyAcrossSubscriptions?: boolean;
}

/** How the table is ordered: the closest purge first, until the person clicks another column. */
export interface SortState {
  column: ColumnId;
  direction: 'ascending' | 'descending';
}

export const DEFAULT_SORT: SortState = { column: 'scheduledPurge', direction: 'ascending' };

export type ColumnId = 'name' | 'type' | 'kind' | 'location' | 'resourceGroup' | 'subscription' | 'deleted' | 'deletedBy' | 'scheduledPurge' | 'status';

const UNKNOWN_LAST = '\uffff';

/** `2026-11-30T19:29:21.000Z`, as toISOString writes it (length and two letters: the check is per row). */
const isCanonicalTime = (value: string) => value.length === 24 && value.charCodeAt(10) === 84 /* T */ && value.charCodeAt(23) === 90; /* Z */

/**
 * A time's sort key: its canonical ISO-8601 text, which orders by code point as the time does. The server sends
 * every time in that form (toISOString), so 20,000 keys cost a length check each, not a parse; any other
 * readable time is put in that form, and unknown or unreadable times sort last.
 */
function timeKey(value: string | null): string {
  if (value === null) return UNKNOWN_LAST;
  if (isCanonicalTime(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? UNKNOWN_LAST : new Date(time).toISOString();
}

const isoText = (value: string | null) => value ?? '';

export const COLUMNS: readonly Column[] = [
  { id: 'name', label: 'Name', sortKey: (row) => row.name, text: (row) => row.name },
  { id: 'type', label: 'Resource type', sortKey: (row) => typeDisplayName(row.type), text: (row) => typeDisplayName(row.type) },
  { id: 'kind', label: 'Kind', sortKey: (row) => row.kindDisplayName, text: (row) => row.kindDisplayName },
  { id: 'location', label: 'Location', sortKey: (row) => row.locationDisplayName, text: (row) => row.locationDisplayName },
  { id: 'resourceGroup', label: 'Resource group', sortKey: (row) => row.resourceGroup, text: (row) => row.resourceGroup },
  {
    id: 'subscription',
    label: 'Subscription',
    sortKey: (row, context) => context.subscriptionName(row.subscriptionId),
    text: (row, context) => context.subscriptionName(row.subscriptionId),
    onlyAcrossSubscriptions: true,
  },
  { id: 'deleted', label: 'Deleted', sortKey: (row) => timeKey(row.deletedAt), order: 'codePoint', text: (row) => isoText(row.deletedAt) },
  {
    id: 'deletedBy',
    label: 'Deleted by',
    // Known callers first, by name; then the unknown ones.
    sortKey: (row, context) => {
      const deletedBy = context.deletedBy?.(row);
      return deletedBy?.state === 'known' ? deletedBy.caller : UNKNOWN_LAST;
    },
    text: (row, context) => {
      const deletedBy = context.deletedBy?.(row);
      return deletedBy ? deletedByText(deletedBy) : '';
    },
  },
  {
    id: 'scheduledPurge',
    label: 'Scheduled purge',
    sortKey: (row) => timeKey(row.scheduledPurgeAt),
    order: 'codePoint',
    text: (row) => isoText(row.scheduledPurgeAt),
  },
  { id: 'status', label: 'Status', sortKey: (row) => row.status.label, text: (row) => row.status.label },
];

/** The columns a view shows: the Subscription column only across subscriptions. */
export function visibleColumns(acrossSubscriptions: boolean): Column[] {
  return COLUMNS.filter((column) => acrossSubscriptions || !column.onlyAcrossSubscriptions);
}

const columnById = new Map(COLUMNS.map((column) => [column.id, column]));

// One collator each, made once: `localeCompare` with options builds a new collator on every call, which
// dominated sorting 2,000 rows.
const textCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const nameCollator = new Intl.Collator();

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Keyed = { row: DeletedResource; key: string };
type Direction = SortState['direction'];

/** Each row with its key, worked out once rather than twice per comparison (a display text, a time's text). */
function keyed(rows: readonly DeletedResource[], column: Column, context: ColumnContext): Keyed[] {
  return rows.map((row) => ({ row, key: column.sortKey(row, context) }));
}

/** The column's order: by key, ties by name, then by id, so it is total and descending is ascending's exact reverse. */
function comparator(column: Column, direction: Direction): (a: Keyed, b: Keyed) => number {
  const compareKeys = column.order === 'codePoint' ? byCodePoint : textCollator.compare;
  const ascending = (a: Keyed, b: Keyed) => compareKeys(a.key, b.key) || nameCollator.compare(a.row.name, b.row.name) || byCodePoint(a.row.id, b.row.id);
  return direction === 'ascending' ? ascending : (a, b) => ascending(b, a);
}

const columnOf = (id: ColumnId): Column => columnById.get(id) ?? COLUMNS[0]!;

/** The table's order: by the column, ties by name, all reversed for descending. */
export function sortRows(rows: readonly DeletedResource[], columnId: ColumnId, direction: Direction, context: ColumnContext): DeletedResource[] {
  const column = columnOf(columnId);
  return keyed(rows, column, context)
    .sort(comparator(column, direction))
    .map((entry) => entry.row);
}

/**
 * The first `count` rows of sortRows' order, without sorting them all: one pass that keeps the best `count`
 * seen (a comparison with the last kept one for most rows). What the table paints first while the full order
 * of 20,000 rows is worked out after that paint.
 */
export function firstRows(rows: readonly DeletedResource[], columnId: ColumnId, direction: Direction, context: ColumnContext, count: number): DeletedResource[] {
  if (count <= 0) return [];
  const column = columnOf(columnId);
  const compare = comparator(column, direction);
  const kept: Keyed[] = [];
  // An index loop: this runs on the page's first paint of new rows, before the JIT has warmed to iterators.
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const entry = { row, key: column.sortKey(row, context) };
    if (kept.length === count && compare(entry, kept[count - 1]!) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle]!, entry) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, entry);
    if (kept.length > count) kept.pop();
  }
  return kept.map((entry) => entry.row);
}
