import type { z } from 'zod';

/**
 * One section of an export: one table, its columns (the keys of `row`, in file order) and how
 * its rows are ordered, so the same site always exports byte-identically. Adding a table to
 * the export is adding one of these to `SECTIONS`.
 */
export interface Section {
  /** Section name in the file; also the table name. */
  readonly name: string;
  /** Every exported column with its type; the file holds exactly these keys, in this order. */
  readonly row: z.ZodObject;
  /**
   * Columns that together identify a row, ordered by which the rows are written. Integer
   * columns: rows are read in pages by this key. A text key sorts in memory (small tables only),
   * because SQLite and PostgreSQL collate text differently.
   */
  readonly key: readonly string[];
  /** True when `key` has text: read the table whole and sort by code unit (settings, import map). */
  readonly sortInMemory?: boolean;
  /** Columns left out unless secrets are asked for, with the value an import fills in instead. */
  readonly secretColumns?: Readonly<Record<string, unknown>>;
  /**
   * A row as written when secrets are not asked for: the row itself, the row with its secret
   * parts blanked, or null to leave it out (a secret setting).
   */
  readonly withoutSecrets?: (row: Record<string, unknown>) => Record<string, unknown> | null;
  /** A column naming another row of the same table (a parent); such rows may come in any order. */
  readonly selfRef?: string;
  /** Only in the file when the operator asks for it. */
  readonly only?: 'audit_log';
  /** True when the table has an integer `id` whose sequence must follow explicit ids. */
  readonly hasId: boolean;
}

/** Column names of a section, in file order. */
export function columnsOf(section: Section): string[] {
  return Object.keys(section.row.shape);
}
