'use client';

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type UIEvent } from 'react';
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
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  Text,
  tokens,
  Tooltip,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import type { RowProgress } from '@/lib/bulk/run-bulk';
import type { DeletedAccount, RecreateResourceGroupFix, StatusTone } from '@/lib/deleted-accounts/types';
import { compareAccounts, formatCountdown, formatRelativePast, type SortColumn } from '@/lib/deleted-accounts/view';
import { markAfterNextPaint, ROWS_PAINTED_MARK } from './performance-marks';

const ROW_HEIGHT = 52;
/** Above this many rows only the visible window (plus overscan) is rendered. */
const VIRTUALIZE_ABOVE = 150;
const OVERSCAN = 8;

const useStyles = makeStyles({
  scroller: {
    maxHeight: 'calc(100vh - 320px)',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Columns size to their content (names are never cut or wrapped); a narrow window scrolls sideways.
  table: { tableLayout: 'auto' },
  cell: { whiteSpace: 'nowrap' },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { height: `${ROW_HEIGHT}px` },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  danger: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  badge: { flexShrink: 0 },
  failure: {
    color: tokens.colorPaletteRedForeground1,
    whiteSpace: 'normal',
    maxWidth: '320px',
    overflow: 'hidden',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
  },
});

const BADGE_COLOR: Record<StatusTone, 'success' | 'warning' | 'danger' | 'informative'> = {
  success: 'success',
  warning: 'warning',
  danger: 'danger',
  informative: 'informative',
};

interface Column {
  id: SortColumn;
  label: string;
}

export interface DeletedAccountsTableProps {
  accounts: DeletedAccount[];
  showSubscription: boolean;
  subscriptionName: (id: string) => string;
  selected: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
  progress: ReadonlyMap<string, RowProgress>;
  runningVerb: string;
  onRecreateResourceGroup: (fix: RecreateResourceGroupFix) => void;
  recreating: ReadonlySet<string>;
  now: number;
}

function exactTime(iso: string | null): string {
  return iso === null ? 'unknown' : new Date(iso).toLocaleString();
}

export function DeletedAccountsTable(props: DeletedAccountsTableProps) {
  const { accounts, showSubscription, subscriptionName, selected, onSelectionChange, progress, now } = props;
  const styles = useStyles();
  const keyboard = useArrowNavigationGroup({ axis: 'grid' });
  const [sort, setSort] = useState<{ column: SortColumn; direction: 'ascending' | 'descending' }>({
    column: 'scheduledPurge',
    direction: 'ascending',
  });

  const columns: Column[] = [
    { id: 'name', label: 'Name' },
    { id: 'kind', label: 'API type' },
    { id: 'location', label: 'Location' },
    { id: 'resourceGroup', label: 'Resource group' },
    ...(showSubscription ? [{ id: 'subscription' as const, label: 'Subscription' }] : []),
    { id: 'deleted', label: 'Deleted' },
    { id: 'scheduledPurge', label: 'Scheduled purge' },
    { id: 'status', label: 'Status' },
  ];

  const rows = useMemo(() => {
    const compare = compareAccounts(sort.column, subscriptionName);
    const sorted = [...accounts].sort((a, b) => compare(a, b) || a.name.localeCompare(b.name));
    return sort.direction === 'ascending' ? sorted : sorted.reverse();
  }, [accounts, sort, subscriptionName]);

  // A layout effect runs before the browser paints this commit, so the mark lands right after that paint.
  useLayoutEffect(() => (accounts.length > 0 ? markAfterNextPaint(ROWS_PAINTED_MARK) : undefined), [accounts]);

  // Windowing: thousands of rows stay smooth because only the visible ones are in the DOM.
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const start = virtual ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const end = virtual ? Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN) : rows.length;

  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const someSelected = rows.some((row) => selected.has(row.id));
  const toggleAll = () => onSelectionChange(allSelected ? new Set() : new Set(rows.map((row) => row.id)));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectionChange(next);
  };
  const headerSort = (column: SortColumn) => ({
    sortDirection: sort.column === column ? sort.direction : undefined,
    onClick: () =>
      setSort((current) => ({
        column,
        direction: current.column === column && current.direction === 'ascending' ? 'descending' : 'ascending',
      })),
  });

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <Table aria-label="Deleted resources" aria-rowcount={rows.length + 1} sortable className={styles.table} {...keyboard}>
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1}>
            <TableSelectionCell
              checked={allSelected ? true : someSelected ? 'mixed' : false}
              onClick={toggleAll}
              checkboxIndicator={{ 'aria-label': 'Select all rows' }}
            />
            {columns.map((column) => (
              <TableHeaderCell key={column.id} scope="col" className={styles.cell} {...headerSort(column.id)}>
                {column.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {start > 0 ? <tr aria-hidden style={{ height: start * ROW_HEIGHT }} /> : null}
          {rows.slice(start, end).map((account, offset) => {
            const isSelected = selected.has(account.id);
            const countdown = formatCountdown(account.scheduledPurgeAt, now);
            return (
              <TableRow
                key={account.id}
                className={styles.row}
                aria-rowindex={start + offset + 2}
                aria-selected={isSelected}
                appearance={isSelected ? 'brand' : 'none'}
              >
                <TableSelectionCell
                  checked={isSelected}
                  onClick={() => toggle(account.id)}
                  checkboxIndicator={{ 'aria-label': `Select ${account.name}` }}
                />
                <TableCell className={styles.cell}>
                  <TableCellLayout truncate>
                    <Text weight="semibold">{account.name}</Text>
                  </TableCellLayout>
                </TableCell>
                <TableCell className={styles.cell}>
                  <TableCellLayout truncate>{account.kindDisplayName}</TableCellLayout>
                </TableCell>
                <TableCell className={styles.cell}>
                  <TableCellLayout truncate>{account.locationDisplayName}</TableCellLayout>
                </TableCell>
                <TableCell className={styles.cell}>
                  <TableCellLayout truncate>{account.resourceGroup}</TableCellLayout>
                </TableCell>
                {showSubscription ? (
                  <TableCell className={styles.cell}>
                    <TableCellLayout truncate>{subscriptionName(account.subscriptionId)}</TableCellLayout>
                  </TableCell>
                ) : null}
                <TableCell className={styles.cell}>
                  <Tooltip content={exactTime(account.deletedAt)} relationship="description">
                    <Text tabIndex={0}>{formatRelativePast(account.deletedAt, now)}</Text>
                  </Tooltip>
                </TableCell>
                <TableCell className={styles.cell}>
                  <Tooltip content={exactTime(account.scheduledPurgeAt)} relationship="description">
                    <Text
                      tabIndex={0}
                      className={mergeClasses(countdown.passed ? styles.danger : countdown.warning ? styles.warning : undefined)}
                    >
                      {countdown.text}
                    </Text>
                  </Tooltip>
                </TableCell>
                <TableCell className={styles.cell}>
                  <StatusCell
                    account={account}
                    progress={progress.get(account.id)}
                    runningVerb={props.runningVerb}
                    onRecreate={props.onRecreateResourceGroup}
                    recreating={props.recreating.has(account.id)}
                  />
                </TableCell>
              </TableRow>
            );
          })}
          {end < rows.length ? <tr aria-hidden style={{ height: (rows.length - end) * ROW_HEIGHT }} /> : null}
        </TableBody>
      </Table>
    </div>
  );
}

function StatusCell(props: {
  account: DeletedAccount;
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
        <Tooltip content={`${progress.error.code}: ${progress.error.message}`} relationship="description">
          <Caption1 className={styles.failure} tabIndex={0}>
            {progress.error.message}
          </Caption1>
        </Tooltip>
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
        <Tooltip content={status.detail} relationship="description">
          {badge}
        </Tooltip>
      ) : (
        badge
      )}
      {status.fix ? (
        <Button
          size="small"
          appearance="secondary"
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
