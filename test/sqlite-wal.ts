import fs from 'node:fs';

/**
 * How far the WAL of the SQLite file `file` has been copied into the database, read from its
 * shared-memory index (`-shm`) without opening a connection, which could itself checkpoint:
 * `frames` in the WAL now (mxFrame of the index header) and `backfilled`, how many of them a
 * checkpoint has copied (nBackfill). Null when there is no index. Little-endian, as SQLite
 * writes it on the machines we run on.
 */
export function walProgress(file: string): { frames: number; backfilled: number } | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(`${file}-shm`);
  } catch {
    return null;
  }
  if (bytes.length < 100) return null;
  // WalIndexHdr (48 bytes, twice) then WalCkptInfo, whose first field is nBackfill.
  return { frames: bytes.readUInt32LE(16), backfilled: bytes.readUInt32LE(96) };
}
