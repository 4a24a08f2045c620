import type { Migration, MigrationProvider } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';
import { contentModel } from './0001-content-model.js';

/**
 * The one migration set for both databases: numbered, append-only. A migration receives the
 * dialect helpers for the rare column that differs (auto-increment ids).
 */
export function migrationProvider(helpers: DialectHelpers): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-content-model': contentModel(helpers),
  };
  return { getMigrations: async () => migrations };
}
