/**
 * Readable tables for the terminal (the default output of the query commands) and CSV for
 * `--format csv`. Cells are cut to a column's width with an ellipsis; output is deterministic.
 */
import { csvCell } from '../kb/exports.js';

export type Cell = string | number | null | undefined;

function cut(s: string, w: number): string {
  return s.length <= w ? s : s.slice(0, Math.max(0, w - 1)) + '…';
}

/**
 * @example table(['id', 'type'], [['ev1', 'SANCTION']]) // "id   type\nev1  SANCTION\n"
 */
export function table(headers: string[], rows: Cell[][], maxWidths: number[] = []): string {
  const str = (c: Cell) => (c === null || c === undefined ? '' : String(c)).replace(/\s+/g, ' ');
  const widths = headers.map((h, i) => Math.min(maxWidths[i] ?? 60, Math.max(h.length, ...rows.map((r) => str(r[i]).length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? cut(c, widths[i]) : cut(c, widths[i]).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(r.map(str)))].join('\n') + '\n';
}

export function csv(headers: string[], rows: Cell[][]): string {
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** `--format` for the query commands. */
export type OutputFormat = 'table' | 'json' | 'csv';
