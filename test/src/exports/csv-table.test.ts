import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvTable } from '../../../src/exports/csv-table.ts';

interface Row { ref: string; address: string; seats: number | null }
const columns = [
  { header: 'ref', value: (r: Row) => r.ref },
  { header: 'address', value: (r: Row) => r.address },
  { header: 'seats', value: (r: Row) => r.seats },
];

describe('csvTable', () => {
  it('writes RFC 4180: header, CRLF after every record, every field quoted, quotes doubled', () => {
    const text = csvTable(columns, [{ ref: 'ICC-0001', address: '12 "The Elms", Hull\nHU3 2JZ', seats: 2 }]);
    expect(text).toBe('"ref","address","seats"\r\n"ICC-0001","12 ""The Elms"", Hull\nHU3 2JZ","2"\r\n');
    expect(parse(text, { columns: true })).toEqual([{ ref: 'ICC-0001', address: '12 "The Elms", Hull\nHU3 2JZ', seats: '2' }]);
  });

  it('keeps a header when there are no rows, and writes null as an empty quoted field', () => {
    expect(csvTable(columns, [])).toBe('"ref","address","seats"\r\n');
    expect(csvTable(columns, [{ ref: 'A', address: 'B', seats: null }])).toContain('"A","B",""\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const [row] = parse(csvTable(columns, [{ ref: '=HYPERLINK("x")', address: '+44 1482', seats: -1 }]), { columns: true }) as Array<Record<string, string>>;
    expect(row).toEqual({ ref: '\'=HYPERLINK("x")', address: '\'+44 1482', seats: '-1' });
  });
});
