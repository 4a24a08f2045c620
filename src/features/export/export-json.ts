import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { FORMAT_NAME, FORMAT_VERSION, type ExportHeader } from './format.js';
import { countRows, readRows } from './read-rows.js';
import { SECTIONS } from './sections.js';
import { Sink } from './sink.js';

export interface ExportOptions {
  /** Password hashes, two-factor secrets and secret settings (`--with-secrets`). */
  secrets: boolean;
  /** The audit log (`--with-audit-log`). */
  auditLog: boolean;
}

/** Where an export or import stands: `done` of `total` rows of one section. */
export interface Progress {
  section: string;
  done: number;
  /** Unknown while an import streams in. */
  total?: number;
}

export type ProgressListener = (progress: Progress) => void;

/** Rows written per section, in file order. */
export type SectionCounts = Record<string, number>;

/** Rows between two progress reports within a section. */
export const PROGRESS_EVERY = 1000;

/**
 * Writes the whole site to `out` as one JSON document (docs/export-format.md), reading every
 * table in one read-only transaction (a consistent snapshot: REPEATABLE READ on PostgreSQL, a
 * read transaction in WAL mode on SQLite) and streaming row by row. The same site always gives
 * the same bytes: no timestamps, rows in key order, columns in a fixed order. Does not end `out`.
 */
export async function exportSite(
  db: Kysely<DB>,
  out: Writable,
  options: ExportOptions,
  onProgress: ProgressListener = () => {},
): Promise<SectionCounts> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const sink = new Sink(out);
      const header: ExportHeader = { format: FORMAT_NAME, version: FORMAT_VERSION, secrets: options.secrets, audit_log: options.auditLog };
      await sink.write(`${JSON.stringify(header).slice(0, -1)},\n"sections":{`);
      const counts: SectionCounts = {};
      const sections = SECTIONS.filter((section) => !section.only || options.auditLog);
      for (const [i, section] of sections.entries()) {
        const any = trx as unknown as Kysely<any>;
        const total = await countRows(any, section, options);
        onProgress({ section: section.name, done: 0, total });
        await sink.write(`${i ? ',' : ''}\n${JSON.stringify(section.name)}:[`);
        let done = 0;
        for await (const row of readRows(any, section, options)) {
          await sink.write(`${done ? ',' : ''}\n${JSON.stringify(row)}`);
          if (++done % PROGRESS_EVERY === 0) onProgress({ section: section.name, done, total });
        }
        await sink.write(']');
        counts[section.name] = done;
        if (done % PROGRESS_EVERY !== 0) onProgress({ section: section.name, done, total });
      }
      await sink.write('\n}}\n');
      await sink.flush();
      return counts;
    });
}
