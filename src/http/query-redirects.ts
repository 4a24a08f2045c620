import type { FastifyInstance } from 'fastify';

/**
 * WordPress's query addresses (`/?p=12`, `/?page_id=3`, `/?cat=4`, `/?tag=x`, `/?feed=rss2`,
 * `/?attachment_id=9`, `/?author=2`) match a route (the home page) before any 404, so their
 * stored redirects are looked up here, first. The redirect is stored as the path with that one
 * parameter (`/?p=12`, value URI-encoded); other parameters are dropped. A request without
 * one of these parameters costs nothing; one with them, one lookup per parameter present.
 */
const WORDPRESS_KEYS = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'feed', 'author'] as const;

export interface QueryRedirectDeps {
  /** The redirect stored for a path, or null. */
  findRedirect(path: string): Promise<{ to: string; status: number } | null>;
}

export function installQueryRedirects(app: FastifyInstance, deps: QueryRedirectDeps): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const q = request.url.indexOf('?');
    if (q === -1) return;
    const query = new URLSearchParams(request.url.slice(q + 1));
    let path: string;
    try {
      path = decodeURI(request.url.slice(0, q));
    } catch {
      return;
    }
    for (const key of WORDPRESS_KEYS) {
      const value = query.get(key);
      if (!value || value.length > 200) continue;
      const redirect = await deps.findRedirect(`${path}?${key}=${encodeURIComponent(value)}`);
      if (redirect) return reply.redirect(redirect.to, redirect.status as 301);
    }
  });
}
