import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface NotFoundDeps {
  /** The redirect stored for a path, or null. */
  findRedirect(path: string): Promise<{ to: string; status: number } | null>;
  /** The full 404 page. */
  renderNotFound(request: FastifyRequest): Promise<string>;
}

/** Paths that look like files get no trailing-slash redirect. */
const FILE_LIKE = /\.[A-Za-z0-9]{1,8}$/;

/**
 * What happens when no route matched: a stored redirect (old slugs, imported URLs), then a
 * 301 to the same path with a trailing slash, and only then a helpful 404 page.
 */
export function installNotFound(app: FastifyInstance, deps: NotFoundDeps): void {
  app.setNotFoundHandler(async (request, reply) => {
    const [rawPath = '/', query] = splitUrl(request.url);
    if (request.method === 'GET' || request.method === 'HEAD') {
      const path = safeDecode(rawPath);
      if (path !== null) {
        const withSlash = path.endsWith('/') ? null : `${path}/`;
        const redirect = (await deps.findRedirect(path)) ?? (withSlash ? await deps.findRedirect(withSlash) : null) ?? (await movedFeed(deps, path));
        if (redirect) return reply.redirect(appendQuery(redirect.to, query), redirect.status as 301);
        if (withSlash && !FILE_LIKE.test(path) && !rawPath.startsWith('//')) {
          return reply.redirect(appendQuery(`${rawPath}/`, query), 301);
        }
      }
    }
    reply.status(404).type('text/html; charset=utf-8');
    return reply.send(await deps.renderNotFound(request));
  });
}

/** A page's feed (`/2026/01/slug/feed/`, `/category/x/feed/atom/`): the page's path, then the feed's part. */
const FEED_OF_PAGE = /^(\/.*\/)(feed\/(?:(?:rss2|atom|json)\/)?)$/;

/**
 * The redirect of a feed whose page moved (a new slug, a renamed category): the feed at the
 * page's new address, so that readers subscribed to the old one keep their feed. Null otherwise.
 */
async function movedFeed(deps: NotFoundDeps, path: string): Promise<{ to: string; status: number } | null> {
  const feed = FEED_OF_PAGE.exec(path);
  if (!feed) return null;
  const page = await deps.findRedirect(feed[1]!);
  return page && page.to.endsWith('/') ? { to: page.to + feed[2]!, status: page.status } : null;
}

function splitUrl(url: string): [string, string | undefined] {
  const i = url.indexOf('?');
  return i === -1 ? [url, undefined] : [url.slice(0, i), url.slice(i + 1)];
}

function appendQuery(path: string, query: string | undefined): string {
  if (!query) return path;
  return path.includes('?') ? `${path}&${query}` : `${path}?${query}`;
}

/** The decoded path, or null when it is malformed or holds control characters (never valid in our URLs). */
function safeDecode(path: string): string | null {
  try {
    const decoded = decodeURI(path);
    return /[\u0000-\u001f\u007f]/.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
}
