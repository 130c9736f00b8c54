'use client';

import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode, type UIEvent } from 'react';
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import type { RowProgress } from '@/lib/bulk/run-bulk';
import { firstRows, sortRows, visibleColumns, type Column, type ColumnContext, type ColumnId, type SortState } from '@/lib/deleted-resources/columns';
import type { DeletedBy } from '@/lib/deleted-resources/deleted-by';
import type { DeletedResource, RecreateResourceGroupFix, StatusTone } from '@/lib/deleted-resources/types';
import { formatCountdown, formatRelativePast } from '@/lib/deleted-resources/view';
import { TypeIcon } from '@/lib/resource-types/icons';
import { NARROW } from '../narrow-layout';
import { useValueAfterPaint } from '../after-paint';
import { markAfterNextPaint, ROWS_PAINTED_MARK } from '../performance-marks';
import { LazyTooltip } from './lazy-tooltip';

const ROW_HEIGHT = 52;
const NO_ROWS: DeletedResource[] = [];
const OVERSCAN = 8;
/** What the page keeps above and below the table's scroller (its maxHeight is the window's height less this). */
const SCROLLER_OFFSET_PX = 320;
/** How long the table must rest before what it shows counts as seen (the Deleted by column reads for it). */
const SETTLE_MS = 250;

/**
 * Each column's width in px. The table is windowed, so widths taken from content would follow the rows on
 * screen and shift while scrolling: they are fixed instead, wide enough for ARM's usual names and this portal's
 * texts. A longer text ends in an ellipsis and shows whole in its title or tooltip.
 */
const COLUMN_WIDTH: Record<ColumnId, number> = {
  name: 230,
  type: 200,
  kind: 190,
  location: 150,
  resourceGroup: 160,
  subscription: 170,
  deleted: 130,
  deletedBy: 260,
  scheduledPurge: 150,
  status: 320,
};
/** Fluent's selection cell. */
const SELECT_WIDTH = 44;
const TABLE_WIDTH_VARIABLE = '--deleted-resources-table-width';

const useStyles = makeStyles({
  scroller: {
    maxHeight: `calc(100vh - ${SCROLLER_OFFSET_PX}px)`,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Fixed columns (COLUMN_WIDTH), at least the scroller's width; a narrow window scrolls sideways. A phone gets
  // each row as two lines instead (gridRow below).
  table: { tableLayout: 'fixed', width: `max(100%, var(${TABLE_WIDTH_VARIABLE}))`, [NARROW]: { display: 'block', width: 'auto' } },
  section: { [NARROW]: { display: 'block' } },
  columnWidths: { [NARROW]: { display: 'none' } },
  // Name and purge countdown, then type and status. The name shares its line with the short countdown only,
  // so it keeps the room; a long type is the one cut.
  gridRow: {
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: 'auto minmax(0, 1fr) auto auto',
      gridTemplateAreas: '"select name name purge" "select type status status"',
      alignItems: 'center',
      alignContent: 'center',
      columnGap: tokens.spacingHorizontalXS,
    },
  },
  cell: { whiteSpace: 'nowrap', overflow: 'hidden' },
  // Plain elements styled as Fluent's TableCellLayout (truncate) and Text (wrap={false}) style theirs: a few
  // thousand Fluent components per screen of rows were most of the table's first render.
  layout: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flex: '1 1 0px', overflowX: 'hidden' },
  truncated: { overflowX: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  text: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  semibold: { fontWeight: tokens.fontWeightSemibold },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { height: `${ROW_HEIGHT}px` },
  selectCell: { [NARROW]: { gridArea: 'select', alignSelf: 'stretch', height: 'auto' } },
  // Only these four columns are shown on a phone, as they are what decides a recover or a purge. Each is one
  // line (Fluent's cells are 44px high), so a row keeps ROW_HEIGHT and the windowing's arithmetic.
  nameCell: { [NARROW]: { gridArea: 'name', minWidth: 0, overflow: 'hidden', height: 'auto' } },
  typeCell: { [NARROW]: { gridArea: 'type', minWidth: 0, overflow: 'hidden', height: 'auto' } },
  // At most half the width, so a long status (a failure's message) never hides the type.
  statusCell: { [NARROW]: { gridArea: 'status', justifySelf: 'end', height: 'auto', minWidth: 0, maxWidth: '50vw', overflow: 'hidden' } },
  purgeCell: { [NARROW]: { gridArea: 'purge', justifySelf: 'end', height: 'auto' } },
  hiddenWhenNarrow: { [NARROW]: { display: 'none' } },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  danger: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  typeIcon: { fontSize: '16px', color: tokens.colorBrandForeground1, flexShrink: 0 },
  badge: { flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  // One width whatever it says ("reading…", "unknown", a long name): its answer arriving must not move the
  // columns beside it under the pointer. The tooltip says it whole.
  deletedBy: { display: 'inline-block', width: '240px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'middle' },
  failure: {
    color: tokens.colorPaletteRedForeground1,
    whiteSpace: 'normal',
    maxWidth: '320px',
    overflow: 'hidden',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    // One line, as a phone's row has one for the status; the tooltip keeps the whole message.
    [NARROW]: { WebkitLineClamp: 1, wordBreak: 'break-all' },
  },
  // Recover recreates a missing group itself (the recovery plan), so a phone's row, with no room for the
  // button, loses nothing.
  recreateButton: { [NARROW]: { display: 'none' } },
});

const BADGE_COLOR: Record<StatusTone, 'success' | 'warning' | 'danger' | 'informative'> = {
  success: 'success',
  warning: 'warning',
  danger: 'danger',
  informative: 'informative',
};

export interface DeletedResourcesTableProps {
  rows: DeletedResource[];
  /** The order, kept by the view so an export follows it. */
  sort: SortState;
  onSortChange: (update: (current: SortState) => SortState) => void;
  showSubscription: boolean;
  /** Stable between renders (useCallback) so rows that did not change are not drawn again. */
  subscriptionName: (id: string) => string;
  /** Who deleted a row (useDeletedBy); a new function when answers arrive, which draws the visible rows again. */
  deletedBy: (row: DeletedResource) => DeletedBy;
  /** Told the subscriptions of the rows on screen (sorted), when they change: what the Deleted by column reads. */
  onSubscriptionsOnScreen: (subscriptionIds: string[]) => void;
  selected: ReadonlySet<string>;
  /** Takes an update of the current selection, as a state setter does; must be stable between renders. */
  onSelectionChange: (update: (current: ReadonlySet<string>) => Set<string>) => void;
  progress: ReadonlyMap<string, RowProgress>;
  runningVerb: string;
  /** Must be stable between renders. */
  onRecreateResourceGroup: (fix: RecreateResourceGroupFix) => void;
  recreating: ReadonlySet<string>;
  now: number;
}

type Styles = ReturnType<typeof useStyles>;

/** Where a column's cells go in a phone's two-line row; the other columns are left out there. */
function narrowPlacement(styles: Styles, column: ColumnId): string {
  switch (column) {
    case 'name':
      return styles.nameCell;
    case 'type':
      return styles.typeCell;
    case 'status':
      return styles.statusCell;
    case 'scheduledPurge':
      return styles.purgeCell;
    default:
      return styles.hiddenWhenNarrow;
  }
}

function exactTime(iso: string | null): string {
  return iso === null ? 'unknown' : new Date(iso).toLocaleString();
}


export function DeletedResourcesTable(props: DeletedResourcesTableProps) {
  const { showSubscription, subscriptionName, selected, onSelectionChange, progress, now } = props;
  const styles = useStyles();
  const keyboard = useArrowNavigationGroup({ axis: 'grid' });
  const { sort, onSortChange: setSort } = props;
  const columns = useMemo(() => visibleColumns(showSubscription), [showSubscription]);
  const tableWidth = columns.reduce((width, column) => width + COLUMN_WIDTH[column.id], SELECT_WIDTH);
  const { deletedBy } = props;
  const context = useMemo<ColumnContext>(() => ({ subscriptionName, deletedBy }), [subscriptionName, deletedBy]);

  // Who deleted what arrives a subscription at a time after the rows are shown: only an order by that column
  // sorts again when it does (sorting 20,000 rows on each arrival made scrolling stutter).
  const sortDeletedBy = sort.column === 'deletedBy' ? deletedBy : undefined;
  const sortContext = useMemo<ColumnContext>(() => ({ subscriptionName, ...(sortDeletedBy ? { deletedBy: sortDeletedBy } : {}) }), [subscriptionName, sortDeletedBy]);
  // New rows (the first listing, a refresh, a filter) are painted first as the rows on screen, picked in one pass
  // (firstRows below); the full order of 20,000 follows after that paint, so the first paint costs what the
  // visible rows do.
  const orderedRows = useValueAfterPaint(props.rows, NO_ROWS);
  const ordered = orderedRows === props.rows;
  const sorted = useMemo(() => sortRows(orderedRows, sort.column, sort.direction, sortContext), [orderedRows, sort, sortContext]);
  const total = props.rows.length;

  // A layout effect runs before the browser paints this commit, so the mark lands right after that paint.
  useLayoutEffect(() => (props.rows.length > 0 ? markAfterNextPaint(ROWS_PAINTED_MARK) : undefined), [props.rows]);

  // Windowing, whatever the count: only the visible rows (plus overscan) are in the DOM, so fifty rows cost the
  // first render what 20,000 do. Only the first visible row is state, so a scroll within the same row draws
  // nothing again.
  const scroller = useRef<HTMLDivElement>(null);
  const [firstVisible, setFirstVisible] = useState(0);
  // The scroller's height before it is measured, from its CSS (maxHeight below): rows past it would be drawn
  // only to be dropped.
  const [viewport, setViewport] = useState(() => (typeof window === 'undefined' ? 800 : Math.max(ROW_HEIGHT, window.innerHeight - SCROLLER_OFFSET_PX)));
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => setFirstVisible(Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT)),
    [],
  );
  const start = Math.max(0, firstVisible - OVERSCAN);
  const end = Math.min(total, firstVisible + Math.ceil(viewport / ROW_HEIGHT) + 1 + OVERSCAN);
  const firstSorted = useMemo(
    () => (ordered ? null : firstRows(props.rows, sort.column, sort.direction, sortContext, end)),
    [ordered, props.rows, sort, sortContext, end],
  );
  // Either way, rows[start, end) are the rows on screen in the table's order.
  const rows = firstSorted ?? sorted;

  const { onSubscriptionsOnScreen } = props;
  const onScreenKey = useMemo(() => [...new Set(rows.slice(start, end).map((row) => row.subscriptionId))].sort().join(','), [rows, start, end]);
  // Said once the table rests: rows that fly by during a scroll are not worth a read, and telling the view on
  // every step would draw the whole page again while the person scrolls.
  useEffect(() => {
    const timer = setTimeout(() => onSubscriptionsOnScreen(onScreenKey ? onScreenKey.split(',') : []), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [onScreenKey, onSubscriptionsOnScreen]);

  const selectedCount = useMemo(
    () => (selected.size === 0 ? 0 : props.rows.reduce((count, row) => count + (selected.has(row.id) ? 1 : 0), 0)),
    [props.rows, selected],
  );
  const allSelected = total > 0 && selectedCount === total;
  const toggleAll = () => onSelectionChange(() => (allSelected ? new Set() : new Set(props.rows.map((row) => row.id))));
  const toggle = useCallback(
    (id: string) =>
      onSelectionChange((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [onSelectionChange],
  );
  const headerSort = (column: ColumnId) => ({
    sortDirection: sort.column === column ? sort.direction : undefined,
    onClick: () =>
      setSort((current) => ({
        column,
        direction: current.column === column && current.direction === 'ascending' ? 'descending' : 'ascending',
      })),
  });

  return (
    <div ref={scroller} className={styles.scroller} onScroll={onScroll}>
      <Table
        aria-label="Deleted resources"
        aria-rowcount={total + 1}
        sortable
        className={styles.table}
        style={{ [TABLE_WIDTH_VARIABLE]: `${tableWidth}px` } as CSSProperties}
        {...keyboard}
      >
        <colgroup className={styles.columnWidths}>
          <col style={{ width: SELECT_WIDTH }} />
          {columns.map((column) => (
            <col key={column.id} style={{ width: COLUMN_WIDTH[column.id] }} />
          ))}
        </colgroup>
        <TableHeader className={mergeClasses(styles.header, styles.section)}>
          <TableRow aria-rowindex={1} className={styles.gridRow}>
            {/* A column header, so the row checkboxes below have one (Fluent renders this cell as a td). */}
            <TableSelectionCell
              role="columnheader"
              className={styles.selectCell}
              checked={allSelected ? true : selectedCount > 0 ? 'mixed' : false}
              onClick={toggleAll}
              checkboxIndicator={{ 'aria-label': 'Select all rows' }}
            />
            {columns.map((column) => (
              <TableHeaderCell key={column.id} scope="col" className={mergeClasses(styles.cell, narrowPlacement(styles, column.id))} {...headerSort(column.id)}>
                {column.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody className={styles.section}>
          {start > 0 ? <tr aria-hidden style={{ height: start * ROW_HEIGHT }} /> : null}
          {rows.slice(start, end).map((row, offset) => (
            <ResourceRow
              key={row.id}
              row={row}
              columns={columns}
              context={context}
              rowIndex={start + offset + 2}
              selected={selected.has(row.id)}
              onToggle={toggle}
              progress={progress.get(row.id)}
              runningVerb={props.runningVerb}
              onRecreate={props.onRecreateResourceGroup}
              recreating={props.recreating.has(row.id)}
              now={now}
            />
          ))}
          {end < total ? <tr aria-hidden style={{ height: (total - end) * ROW_HEIGHT }} /> : null}
        </TableBody>
      </Table>
    </div>
  );
}

interface ResourceRowProps {
  row: DeletedResource;
  columns: readonly Column[];
  context: ColumnContext;
  rowIndex: number;
  selected: boolean;
  onToggle: (id: string) => void;
  progress: RowProgress | undefined;
  runningVerb: string;
  onRecreate: (fix: RecreateResourceGroupFix) => void;
  recreating: boolean;
  now: number;
}

/** Memoised: scrolling, selecting one row or select-all draws only the rows whose props changed. */
const ResourceRow = memo(function ResourceRow(props: ResourceRowProps) {
  const { row, selected } = props;
  const styles = useStyles();
  return (
    <TableRow className={mergeClasses(styles.row, styles.gridRow)} aria-rowindex={props.rowIndex} aria-selected={selected} appearance={selected ? 'brand' : 'none'}>
      <TableSelectionCell className={styles.selectCell} checked={selected} onClick={() => props.onToggle(row.id)} checkboxIndicator={{ 'aria-label': `Select ${row.name}` }} />
      {props.columns.map((column) => (
        <TableCell key={column.id} className={mergeClasses(styles.cell, narrowPlacement(styles, column.id))}>
          <Cell column={column} {...props} />
        </TableCell>
      ))}
    </TableRow>
  );
});

/** A cell: the column's text, or for the columns that show more (times, status, the type's icon) their own view. */
function Cell(props: ResourceRowProps & { column: Column }): ReactNode {
  const { row, column, now } = props;
  const styles = useStyles();
  switch (column.id) {
    case 'name':
      return (
        <div className={styles.layout}>
          <span className={mergeClasses(styles.text, styles.truncated, styles.semibold)} title={row.name}>
            {row.name}
          </span>
        </div>
      );
    case 'type':
      return (
        <div className={styles.layout}>
          <TypeIcon type={row.type} className={styles.typeIcon} />
          <span className={styles.truncated}>{column.text(row, props.context)}</span>
        </div>
      );
    case 'deleted':
      return (
        <LazyTooltip content={exactTime(row.deletedAt)}>
          <span tabIndex={0} className={styles.text}>
            {formatRelativePast(row.deletedAt, now)}
          </span>
        </LazyTooltip>
      );
    case 'scheduledPurge': {
      const countdown = formatCountdown(row.scheduledPurgeAt, now);
      return (
        <LazyTooltip content={exactTime(row.scheduledPurgeAt)}>
          <span tabIndex={0} className={mergeClasses(styles.text, countdown.passed ? styles.danger : countdown.warning ? styles.warning : undefined)}>
            {countdown.text}
          </span>
        </LazyTooltip>
      );
    }
    case 'deletedBy':
      return <DeletedByCell deletedBy={props.context.deletedBy?.(row)} now={now} />;
    case 'status':
      return <StatusCell account={row} progress={props.progress} runningVerb={props.runningVerb} onRecreate={props.onRecreate} recreating={props.recreating} />;
    default: {
      const text = column.text(row, props.context);
      return (
        <div className={styles.layout}>
          <span className={styles.truncated} title={text}>
            {text}
          </span>
        </div>
      );
    }
  }
}

/** Who deleted it and how long ago, exact time and group in the tooltip; "unknown" with the reason in the tooltip. */
function DeletedByCell(props: { deletedBy: DeletedBy | undefined; now: number }): ReactNode {
  const { deletedBy, now } = props;
  const styles = useStyles();
  if (!deletedBy) return null;
  // Still text, not a spinner: dozens of animated spinners repaint every frame while a long table scrolls.
  if (deletedBy.state === 'loading') return <span className={mergeClasses(styles.text, styles.deletedBy, styles.muted)}>reading…</span>;
  if (deletedBy.state === 'unknown') {
    return (
      <LazyTooltip content={`Unknown: ${deletedBy.reason}.`}>
        <span tabIndex={0} className={mergeClasses(styles.text, styles.deletedBy, styles.muted)}>
          unknown
        </span>
      </LazyTooltip>
    );
  }
  const group = deletedBy.resourceGroup ? `, with its resource group ${deletedBy.resourceGroup}` : '';
  return (
    <LazyTooltip content={`Deleted by ${deletedBy.caller} on ${exactTime(deletedBy.at)}${group}.`}>
      <span tabIndex={0} className={mergeClasses(styles.text, styles.deletedBy)}>
        {deletedBy.caller} <span className={styles.muted}>· {formatRelativePast(deletedBy.at, now)}</span>
      </span>
    </LazyTooltip>
  );
}

function StatusCell(props: {
  account: DeletedResource;
  progress: RowProgress | undefined;
  runningVerb: string;
  onRecreate: (fix: RecreateResourceGroupFix) => void;
  recreating: boolean;
}) {
  const { account, progress } = props;
  const styles = useStyles();
  if (progress?.state === 'queued') {
    return (
      <Badge appearance="outline" color="informative" className={styles.badge}>
        Queued
      </Badge>
    );
  }
  if (progress?.state === 'running') {
    return <Spinner size="extra-tiny" label={`${props.runningVerb}…`} labelPosition="after" />;
  }
  if (progress?.state === 'checking') {
    return <Spinner size="extra-tiny" label="Outcome unknown — checking…" labelPosition="after" />;
  }
  if (progress?.state === 'done') {
    return (
      <Badge appearance="filled" color="success" className={styles.badge}>
        Done
      </Badge>
    );
  }
  if (progress?.state === 'failed') {
    return (
      <div className={styles.status}>
        <Badge appearance="filled" color="danger" className={styles.badge}>
          Failed
        </Badge>
        <LazyTooltip content={`${progress.error.code}: ${progress.error.message}`}>
          <Caption1 className={styles.failure} tabIndex={0}>
            {progress.error.message}
          </Caption1>
        </LazyTooltip>
      </div>
    );
  }
  if (progress?.state === 'blocked') {
    return (
      <div className={styles.status}>
        <Badge appearance="filled" color="warning" className={styles.badge}>
          Blocked
        </Badge>
        <Caption1 className={styles.failure}>Blocked by {progress.by}</Caption1>
      </div>
    );
  }
  const { status } = account;
  const badge = (
    <Badge appearance="tint" color={BADGE_COLOR[status.tone]} className={styles.badge} tabIndex={status.detail ? 0 : undefined}>
      {status.label}
    </Badge>
  );
  return (
    <div className={styles.status}>
      {status.detail ? (
        <LazyTooltip content={status.detail}>
          {badge}
        </LazyTooltip>
      ) : (
        badge
      )}
      {status.fix ? (
        <Button
          size="small"
          appearance="secondary"
          className={styles.recreateButton}
          disabled={props.recreating}
          aria-label={`Recreate resource group ${status.fix.resourceGroup}`}
          onClick={() => status.fix && props.onRecreate(status.fix)}
        >
          {props.recreating ? 'Recreating…' : 'Recreate resource group'}
        </Button>
      ) : null}
    </div>
  );
}
