// Converting between API documents (camelCase, nested values) and SQL rows (snake_case, jsonb).
// jsonb values are stringified on the way in because node-postgres would send JS arrays as
// PostgreSQL arrays; timestamps come back as Date and leave as ISO strings.

export const camelToSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const snakeToCamel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export type Row = Record<string, unknown>;

export interface RowCodec {
  toRow(doc: Record<string, unknown>): Row;
  fromRow(row: Row): Record<string, unknown>;
}

/**
 * @param options.json   document fields stored as jsonb
 * @param options.rename document field → column where snake_case is not enough (e.g. start → start_time)
 */
export function createRowCodec(options: { json?: string[]; rename?: Record<string, string> } = {}): RowCodec {
  const json = new Set(options.json ?? []);
  const rename = options.rename ?? {};
  const renameBack = Object.fromEntries(Object.entries(rename).map(([field, column]) => [column, field]));
  return {
    toRow(doc) {
      const row: Row = {};
      for (const [field, value] of Object.entries(doc)) {
        if (value === undefined) continue;
        row[rename[field] ?? camelToSnake(field)] = json.has(field) && value !== null ? JSON.stringify(value) : value;
      }
      return row;
    },
    fromRow(row) {
      const doc: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        doc[renameBack[column] ?? snakeToCamel(column)] = value instanceof Date ? value.toISOString() : value;
      }
      return doc;
    },
  };
}
