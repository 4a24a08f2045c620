import type { Database } from '../../storage/db.js';
import { exportSite, type ExportOptions, type ProgressListener, type SectionCounts } from './export-json.js';
import { exportWordPress } from './export-wxr.js';
import { checkReadable, readTextChunks, writeFileAtomically } from './files.js';
import { importSite } from './import-json.js';

/** `broadside export FILE`: the site as a Broadside JSON document, written atomically. */
export async function exportToFile(
  database: Database,
  file: string,
  options: ExportOptions,
  onProgress?: ProgressListener,
): Promise<SectionCounts> {
  return writeFileAtomically(file, (out) => exportSite(database.db, out, options, onProgress));
}

/** `broadside export --format wordpress FILE`: WXR 1.2 for WordPress's importer, written atomically. */
export async function exportWordPressToFile(database: Database, file: string, onProgress?: ProgressListener): Promise<SectionCounts> {
  return writeFileAtomically(file, (out) => exportWordPress(database.db, out, onProgress));
}

/** `broadside import broadside FILE`: loads an export into an empty site, all or nothing. */
export async function importFromFile(database: Database, file: string, onProgress?: ProgressListener): Promise<SectionCounts> {
  checkReadable(file);
  return importSite({ db: database.db, helpers: database.helpers }, readTextChunks(file), onProgress);
}
