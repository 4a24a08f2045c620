import path from 'node:path';
import type { Kysely } from 'kysely';
import type { ImportSummary, WordpressImportOptions } from '../src/features/import/index.js';
import { importWordpress } from '../src/features/import/wordpress-import.js';
import type { DB } from '../src/storage/schema.js';
import type { TestApp } from './helpers.js';

/** A WordPress export under test/fixtures/wordpress/. */
export const wxrFixture = (name: string): string => path.join(import.meta.dirname, 'fixtures/wordpress', name);

/** Runs the WordPress import against a test app's database and data folder. */
export function importInto(t: TestApp, file: string, options: Omit<WordpressImportOptions, 'file'> = {}): Promise<ImportSummary> {
  return importWordpress({ db: t.ctx.database.db, clock: t.clock, log: t.ctx.log, dataDir: t.ctx.config.dataDir }, { file, ...options });
}

const TABLES = [
  'authors', 'categories', 'tags', 'posts', 'post_authors', 'post_categories', 'post_tags', 'pages', 'redirects', 'comments', 'media', 'import_map',
] as const;

/**
 * Every row an import writes, table by table, in a stable order. Leaves out what differs between
 * two equal sites by design: random post guids and IP hashes under each site's own secret.
 */
export async function contentSnapshot(db: Kysely<DB>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    out[table] = rows
      .map((row) => {
        const { guid: _guid, ip_hash: _ipHash, ...rest } = row;
        return rest;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}
