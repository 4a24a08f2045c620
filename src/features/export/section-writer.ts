import type { Kysely } from 'kysely';
import { ImportError } from './import-error.js';
import { columnsOf, type Section } from './section.js';

/** Bound parameters per INSERT, well under SQLite's and PostgreSQL's limits. */
const PARAMETERS_PER_INSERT = 8000;

/**
 * Inserts the records of one section in batches, ids as they are in the file. A row whose
 * parent (`selfRef`) is not in yet goes in without it and gets it once the section is done, so
 * parents may come in any order. Database refusals become ImportErrors naming the records.
 */
export class SectionWriter {
  private batch: Record<string, unknown>[] = [];
  private batchStart = 0;
  private readonly seen = new Set<unknown>();
  private readonly deferred: { index: number; id: unknown; parent: unknown }[] = [];
  private readonly batchSize: number;
  count = 0;

  constructor(
    private readonly db: Kysely<any>,
    private readonly section: Section,
  ) {
    this.batchSize = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columnsOf(section).length));
  }

  /** Adds one validated record (its position in the file is `index`). */
  async add(record: Record<string, unknown>, index: number): Promise<void> {
    const row = { ...this.section.secretColumns, ...record };
    const ref = this.section.selfRef;
    if (ref) {
      const parent = row[ref];
      if (parent !== null && parent !== undefined && !this.seen.has(parent)) {
        this.deferred.push({ index, id: row.id, parent });
        row[ref] = null;
      }
      this.seen.add(row.id);
    }
    if (!this.batch.length) this.batchStart = index;
    this.batch.push(row);
    this.count++;
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  /** Writes what is left and the deferred parents. */
  async finish(): Promise<void> {
    await this.flush();
    const ref = this.section.selfRef;
    for (const { index, id, parent } of this.deferred) {
      try {
        await this.db.updateTable(this.section.name).set({ [ref!]: parent }).where('id', '=', id).execute();
      } catch (error) {
        throw refused(`sections.${this.section.name}[${index}] (id ${String(id)})`, error);
      }
    }
  }

  private async flush(): Promise<void> {
    if (!this.batch.length) return;
    const rows = this.batch;
    this.batch = [];
    try {
      await this.db.insertInto(this.section.name).values(rows).execute();
    } catch (error) {
      const last = this.batchStart + rows.length - 1;
      throw refused(`sections.${this.section.name}[${this.batchStart}${last > this.batchStart ? `…${last}` : ''}]`, error);
    }
  }
}

function refused(where: string, error: unknown): ImportError {
  return new ImportError(`${where}: the database refused the record(s): ${(error as Error).message}`, { cause: error });
}
