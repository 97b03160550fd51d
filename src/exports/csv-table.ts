// RFC 4180 CSV through csv-stringify: a header row, CRLF line ends, every field quoted, so a
// spreadsheet opens it as it is (addresses with commas stay in one cell).
import { stringify } from 'csv-stringify/sync';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe:
 * the lists carry text typed by people (addresses, names), which must stay text.
 */
function safeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** @example csvTable([{ header: 'Ref', value: (r) => r.ref }], rows) // '"Ref"\r\n"ICC-0001"\r\n' */
export function csvTable<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): string {
  return stringify(rows.map((row) => columns.map((c) => safeCell(c.value(row)))), {
    header: true,
    columns: columns.map((c) => c.header),
    quoted: true,
    quoted_empty: true,
    record_delimiter: 'windows',
  });
}
