import type { Column, ColumnContext } from './columns';
import type { DeletedResource } from './types';

/** A spreadsheet reads a cell that starts with one of these as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a would-be formula is neutralised with a leading apostrophe; quoted when it holds , " or a line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The rows as CSV: the columns shown (their text: ISO times, display names) and each row's ARM id, one line
 * per row (CRLF, as RFC 4180 writes it), with a byte-order mark so spreadsheets read it as UTF-8.
 */
export function toCsv(rows: readonly DeletedResource[], columns: readonly Column[], context: ColumnContext): string {
  const header = [...columns.map((column) => column.label), 'Resource ID'];
  const lines = rows.map((row) => [...columns.map((column) => column.text(row, context)), row.id]);
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
