import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors.js';
import { randomToken } from '../../lib/tokens.js';

/** The folder under the data folder where uploads to the admin import page wait for their job. */
export const IMPORTS_DIR = 'imports';

export interface StoredUpload {
  /** Path relative to the data folder (`imports/Xy….xml`), as `import_runs.file_path` keeps it. */
  relativePath: string;
  bytes: number;
}

/** A stream of an uploaded file; busboy sets `truncated` when the size limit cut it short. */
export type UploadStream = Readable & { truncated?: boolean };

/** Bytes we look at before deciding whether an upload is XML at all. */
const SNIFF_BYTES = 512;

/**
 * Streams an upload to `<data>/imports/<random>.xml`, never holding more than a chunk in memory.
 * Throws PAYLOAD_TOO_LARGE when it is larger than `maxBytes`, VALIDATION (`fields.file`) when it
 * is empty or does not begin like an XML document; either way the partial file is removed, so
 * a refused upload leaves nothing behind.
 */
export async function storeUpload(stream: UploadStream, options: { dataDir: string; maxBytes: number }): Promise<StoredUpload> {
  const dir = path.join(options.dataDir, IMPORTS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const relativePath = path.join(IMPORTS_DIR, `${randomToken(12)}.xml`);
  const target = path.join(options.dataDir, relativePath);
  let bytes = 0;
  let head = Buffer.alloc(0);
  let sniffed = false;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) return done(new AppError('PAYLOAD_TOO_LARGE', { maxBytes: options.maxBytes }));
      if (!sniffed) {
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) return done(null, chunk);
        sniffed = true;
        if (!looksLikeXml(head)) return done(notXml());
      }
      done(null, chunk);
    },
    flush(done) {
      if (bytes === 0) return done(new AppError('VALIDATION', { fields: { file: 'The file is empty: choose the .xml file WordPress exported' } }));
      if (!sniffed && !looksLikeXml(head)) return done(notXml());
      done();
    },
  });
  // Created before streaming starts, so a refusal at any moment finds the file there to remove
  // (a stream opening it asynchronously could create it after the removal).
  const fd = fs.openSync(target, 'wx');
  try {
    await pipeline(stream, check, fs.createWriteStream(target, { fd }));
    if (stream.truncated) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: options.maxBytes });
  } catch (error) {
    fs.rmSync(target, { force: true });
    // Read what is left of the part, so the rest of the request can still be parsed and answered.
    if (!stream.destroyed) stream.resume();
    throw error;
  }
  return { relativePath, bytes };
}

/** After an optional byte-order mark and whitespace, an XML document starts with `<`. */
function looksLikeXml(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('<?xml') || /^<[A-Za-z!]/.test(text);
}

function notXml(): AppError {
  return new AppError('VALIDATION', { fields: { file: 'This is not an XML file: choose the .xml file WordPress made at Tools → Export' } });
}

/**
 * The identity of this data folder's imports folder: a random name kept in `imports/.folder-id`,
 * made on first use. Processes that share the data folder (one host, or hosts mounting the same
 * folder) share it; a host with a folder of its own has its own. Import jobs are enqueued under
 * it, so only a process that can read the uploaded file claims its job.
 */
export function importsFolderId(dataDir: string): string {
  const dir = path.join(dataDir, IMPORTS_DIR);
  const file = path.join(dir, '.folder-id');
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, randomToken(9), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Removes an upload; a file already gone is not an error. */
export function removeUpload(dataDir: string, relativePath: string): void {
  fs.rmSync(path.join(dataDir, relativePath), { force: true });
}

/** The absolute path of an upload, or null when the file is no longer there. */
export function uploadPath(dataDir: string, relativePath: string): string | null {
  const full = path.join(dataDir, relativePath);
  return fs.existsSync(full) ? full : null;
}
