import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { registerStaticFolder } from './static-files.js';

/** The folder of CSS, scripts and images shipped with Broadside (`public/` at the package root). */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** `/assets/site.css?v=<hash>`: the URL changes when the file does, so browsers may cache it for a year. */
export function versionedAssetUrl(file: string): string {
  const content = fs.readFileSync(new URL(file, `file://${PUBLIC_DIR}`));
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
  return `/${file}?v=${hash}`;
}

/** Serves `public/assets/` at /assets/ with long-lived caching for versioned URLs. */
export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
  await registerStaticFolder(app, {
    root: `${PUBLIC_DIR}assets`,
    prefix: '/assets/',
    cacheControl: 'public, max-age=31536000, immutable',
  });
}
