import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * What the admin import page needs beyond 0008's `import_runs`:
 * - `phase`: `check` while the first pass reads the file (nothing written yet), `import` while
 *   items are written, '' before the job starts;
 * - `items_total`: the items in the file, once the check pass has counted them (0 before);
 * - `options`: JSON of the run's choices (`{"skipPings":true}`), so a retry runs with the same ones.
 */
export function importRunProgress(_d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('import_runs').addColumn('phase', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('import_runs').addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('import_runs').addColumn('options', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('import_runs').dropColumn('options').execute();
      await db.schema.alterTable('import_runs').dropColumn('items_total').execute();
      await db.schema.alterTable('import_runs').dropColumn('phase').execute();
    },
  };
}
