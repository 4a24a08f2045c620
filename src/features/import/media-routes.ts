import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { registerStaticFolder } from '../../http/static-files.js';
import { UPLOADS_DIR, UPLOADS_PREFIX } from './uploads.js';

/**
 * Serves the files an import copied in (`<data>/uploads/…`) at /uploads/, cached for a day.
 * The folder is created if missing so the route exists from the first start. Dotfiles are
 * refused and there are no directory listings.
 */
export async function registerUploads(app: FastifyInstance, dataDir: string): Promise<void> {
  const root = path.resolve(dataDir, UPLOADS_DIR);
  fs.mkdirSync(root, { recursive: true });
  // Unversioned URLs, so a day rather than the year the versioned /assets/ get.
  await registerStaticFolder(app, { root, prefix: UPLOADS_PREFIX, cacheControl: 'public, max-age=86400' });
}
