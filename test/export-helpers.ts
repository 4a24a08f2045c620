import { Readable, Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { exportSite, type ExportOptions, importSite } from '../src/features/export/index.js';
import type { Database } from '../src/storage/db.js';
import type { DB } from '../src/storage/schema.js';

/** The site's Broadside export as one string. */
export async function exportToString(db: Kysely<DB>, options: ExportOptions = { secrets: false, auditLog: false }): Promise<string> {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  await exportSite(db, out, options);
  return chunks.join('');
}

/** Imports `text` into `database`, fed in small pieces so records straddle chunk boundaries. */
export async function importFromString(database: Database, text: string, pieceSize = 777) {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += pieceSize) pieces.push(text.slice(i, i + pieceSize));
  return importSite({ db: database.db, helpers: database.helpers }, Readable.from(pieces));
}
