import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface StaticFolder {
  /** Absolute path of the folder served. */
  root: string;
  /** URL prefix it is served under, with both slashes: `/assets/`. */
  prefix: string;
  /** The Cache-Control header sent with every file (how long browsers and proxies may keep it). */
  cacheControl: string;
}

/**
 * Serves the files of one folder under a URL prefix, the way every folder Broadside serves is
 * served: files only (no index page, no directory listing), dotfiles refused, one fixed
 * Cache-Control header; @fastify/static's ETag, Last-Modified, Range and content type as they
 * come. No `reply.sendFile` decorator, so the plugin can be registered once per folder.
 */
export async function registerStaticFolder(app: FastifyInstance, folder: StaticFolder): Promise<void> {
  const { cacheControl } = folder;
  await app.register(fastifyStatic, {
    root: folder.root,
    prefix: folder.prefix,
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders: (res) => {
      res.setHeader('cache-control', cacheControl);
    },
  });
}
