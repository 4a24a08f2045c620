import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../../errors.js';
import { type ImportRunOptions, removeUpload, type StoredUpload, storeUpload } from '../../import/index.js';

/** What the upload form sent: the stored file and the choices, or the errors to show next to the fields. */
export type UploadForm =
  | { ok: true; fileName: string; stored: StoredUpload; options: ImportRunOptions }
  | { ok: false; errors: Record<string, string>; status: 413 | 422; values: Record<string, string> };

/**
 * Reads the multipart form of /admin/import part by part, streaming the file to the imports
 * folder as it arrives (never buffered). A refused file (too large, empty, not XML) leaves
 * nothing on disk; a missing one is an error on the `file` field.
 */
export async function readUploadForm(request: FastifyRequest, limits: { dataDir: string; maxBytes: number }): Promise<UploadForm> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', { reason: 'not multipart' });
  const values: Record<string, string> = {};
  let upload: { fileName: string; stored: StoredUpload } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') values[part.fieldname] = part.value;
      } else if (part.fieldname === 'file' && part.filename && !upload) {
        upload = { fileName: part.filename, stored: await storeUpload(part.file, limits) };
      } else {
        await drain(part);
      }
    }
  } catch (error) {
    if (upload) removeUpload(limits.dataDir, upload.stored.relativePath);
    const tooLarge = isAppError(error, 'PAYLOAD_TOO_LARGE') || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
    if (tooLarge) {
      return { ok: false, status: 413, values, errors: { file: `The file is larger than ${Math.floor(limits.maxBytes / (1024 * 1024))} MB, the most this site accepts here (IMPORT_MAX_MB). Ask whoever runs the server to raise it, or to import it with the command line.` } };
    }
    if (isAppError(error, 'VALIDATION')) return { ok: false, status: 422, values, errors: error.details.fields as Record<string, string> };
    throw error;
  }
  const pings = values.pings ?? 'keep';
  if (pings !== 'keep' && pings !== 'skip') {
    if (upload) removeUpload(limits.dataDir, upload.stored.relativePath);
    throw new AppError('BAD_REQUEST', { fields: ['pings'] });
  }
  if (!upload) return { ok: false, status: 422, values, errors: { file: 'Choose the .xml file WordPress exported' } };
  return { ok: true, ...upload, options: { skipPings: pings === 'skip' } };
}

async function drain(part: MultipartFile): Promise<void> {
  for await (const _chunk of part.file) {
    // discarded: only the `file` field is read
  }
}
