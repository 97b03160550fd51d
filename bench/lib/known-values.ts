import { readFileSync } from 'node:fs';

/**
 * Reads a CSV of known values (header row, comma separated, no quoted commas in the
 * columns we use) into one record per row keyed by column name.
 */
export function readKnownValuesCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const [header, ...rows] = lines;
  if (!header) return [];
  const columns = splitCsvLine(header);
  return rows.map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell.trim()); cell = ''; }
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}
