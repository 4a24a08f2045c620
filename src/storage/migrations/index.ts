import type { Migration, MigrationProvider } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';
import { contentModel } from './0001-content-model.js';
import { accountsAdminJobs } from './0002-accounts-admin-jobs.js';
import { archiveIndexes } from './0003-archive-indexes.js';
import { postOwnership } from './0004-post-ownership.js';
import { comments } from './0005-comments.js';
import { mediaImportMap } from './0008-media-import-map.js';
import { funding } from './0007-funding.js';
import { appeals } from './0010-appeals.js';
import { archiveMonths } from './0006-archive-months.js';
import { importRunProgress } from './0011-import-run-progress.js';
import { commentsEmailStatus } from './0012-comments-email-status.js';
import { termCounts } from './0013-term-counts.js';
import { commentsIpRetention } from './0014-comments-ip-retention.js';
import { commentsPostLookups } from './0015-comments-post-lookups.js';

/**
 * The one migration set for both databases: numbered, append-only. Each entry builds its
 * migration from the dialect helpers, for the rare column that differs (auto-increment ids).
 */
const MIGRATIONS: Record<string, (helpers: DialectHelpers) => Migration> = {
  '0001-content-model': contentModel,
  '0002-accounts-admin-jobs': accountsAdminJobs,
  '0003-archive-indexes': archiveIndexes,
  '0004-post-ownership': postOwnership,
  '0005-comments': comments,
  '0008-media-import-map': mediaImportMap,
  '0007-funding': funding,
  '0010-appeals': appeals,
  '0006-archive-months': archiveMonths,
  '0011-import-run-progress': importRunProgress,
  '0012-comments-email-status': commentsEmailStatus,
  '0013-term-counts': termCounts,
  '0014-comments-ip-retention': commentsIpRetention,
  '0015-comments-post-lookups': commentsPostLookups,
};

/** Every migration name, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

export function migrationProvider(helpers: DialectHelpers): MigrationProvider {
  return {
    getMigrations: async () => Object.fromEntries(Object.entries(MIGRATIONS).map(([name, build]) => [name, build(helpers)])),
  };
}
