import type { Kysely } from 'kysely';
import { columnsOf, type Section } from './section.js';

/** Rows per query when reading a table in key order. */
const PAGE = 1000;

export interface ReadOptions {
  /** Include secret columns and rows. */
  secrets: boolean;
}

/** How many rows a section will write (after leaving out secret rows). */
export async function countRows(db: Kysely<any>, section: Section, options: ReadOptions): Promise<number> {
  if (section.withoutSecrets && !options.secrets) {
    let n = 0;
    for await (const _ of readRows(db, section, options)) n++;
    return n;
  }
  const row = await db.selectFrom(section.name).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The rows of a section in key order, each an object with exactly the section's columns in
 * file order (secret columns dropped unless asked for). Reads pages of PAGE rows by key
 * (keyset pagination), so memory stays flat however large the table; call it inside one
 * transaction for a consistent snapshot.
 */
export async function* readRows(db: Kysely<any>, section: Section, options: ReadOptions): AsyncGenerator<Record<string, unknown>> {
  const columns = columnsOf(section).filter((c) => options.secrets || !(section.secretColumns && c in section.secretColumns));
  const clean = (row: Record<string, unknown>) => (options.secrets || !section.withoutSecrets ? row : section.withoutSecrets(row));
  if (section.sortInMemory) {
    const rows = await db.selectFrom(section.name).select(columns).execute();
    rows.sort((a, b) => compareKeys(a, b, section.key));
    for (const row of rows) {
      const kept = clean(row);
      if (kept) yield ordered(kept, columns);
    }
    return;
  }
  const key = [...section.key];
  if (key.length > 2) throw new Error(`section ${section.name}: keys of more than two columns are not supported`);
  let after: unknown[] | undefined;
  for (;;) {
    let query = db.selectFrom(section.name).select(columns);
    for (const k of key) query = query.orderBy(k);
    if (after) {
      const last = after;
      query = query.where((eb) =>
        key.length === 1 ? eb(key[0]!, '>', last[0]) : eb(eb.refTuple(key[0]!, key[1]!), '>', eb.tuple(last[0], last[1])),
      );
    }
    const rows = await query.limit(PAGE).execute();
    for (const row of rows) {
      const kept = clean(row);
      if (kept) yield ordered(kept, columns);
    }
    if (rows.length < PAGE) return;
    const lastRow = rows[rows.length - 1]!;
    after = key.map((k) => lastRow[k]);
  }
}

/** The row with its keys in file order (drivers may return them in any order). */
function ordered(row: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = row[c];
  return out;
}

/** Orders rows by their key columns, comparing text by UTF-16 code unit like JavaScript, not by collation. */
function compareKeys(a: Record<string, unknown>, b: Record<string, unknown>, key: readonly string[]): number {
  for (const k of key) {
    const x = String(a[k]);
    const y = String(b[k]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
