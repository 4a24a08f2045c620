import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

/**
 * Runs `write` against a temporary file beside `file` and renames it into place only when it
 * succeeds, so a failed or interrupted export never leaves a file that looks complete.
 */
export async function writeFileAtomically<T>(file: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  const out = fs.createWriteStream(temporary, { encoding: 'utf8' });
  try {
    const result = await write(out);
    out.end();
    await finished(out);
    fs.renameSync(temporary, file);
    return result;
  } catch (error) {
    out.destroy();
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Throws with a one-line reason unless `file` can be read. */
export function checkReadable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { cause: error });
  }
}

/** The file's text in chunks, opened only when first read and closed when the reader stops. */
export async function* readTextChunks(file: string): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) yield chunk as string;
  } finally {
    stream.destroy();
  }
}
