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
  sortKey: (row: DeletedResource, context: ColumnContext) => string | number;
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

/** Unknown (or unreadable) times sort last. */
function timeOf(value: string | null): number {
  const time = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
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
  { id: 'deleted', label: 'Deleted', sortKey: (row) => timeOf(row.deletedAt), text: (row) => isoText(row.deletedAt) },
  {
    id: 'deletedBy',
    label: 'Deleted by',
    // Known callers first, by name; then the unknown ones.
    sortKey: (row, context) => {
      const deletedBy = context.deletedBy?.(row);
      return deletedBy?.state === 'known' ? deletedBy.caller : '\uffff';
    },
    text: (row, context) => {
      const deletedBy = context.deletedBy?.(row);
      return deletedBy ? deletedByText(deletedBy) : '';
    },
  },
  { id: 'scheduledPurge', label: 'Scheduled purge', sortKey: (row) => timeOf(row.scheduledPurgeAt), text: (row) => isoText(row.scheduledPurgeAt) },
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

type SortKey = string | number;

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  return textCollator.compare(String(a), String(b));
}

/**
 * The table's order: by the column, ties by name, then reversed for descending. Each row's key (a parsed
 * timestamp, a display text) is worked out once, not twice per comparison.
 */
export function sortRows(
  rows: readonly DeletedResource[],
  columnId: ColumnId,
  direction: 'ascending' | 'descending',
  context: ColumnContext,
): DeletedResource[] {
  const column = columnById.get(columnId) ?? COLUMNS[0];
  if (!column) return [...rows];
  const keyed = rows.map((row) => ({ row, key: column.sortKey(row, context) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || nameCollator.compare(a.row.name, b.row.name));
  const sorted = keyed.map((entry) => entry.row);
  return direction === 'ascending' ? sorted : sorted.reverse();
}
