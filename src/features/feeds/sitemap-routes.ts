import type { FastifyPluginAsync } from 'fastify';
import { pageTags, SITEMAP } from '../cache/index.js';
import { loadSettings } from '../site/index.js';
import { sendCacheable } from './send.js';
import { renderNewsSitemap, renderSitemapIndex, renderUrlset } from './sitemap-xml.js';
import { listSitemaps, loadNewsItems, loadSitemap, NEWS_SITEMAP_PATH, newestLastmod, SITEMAP_KINDS, type SitemapDeps } from './sitemaps.js';

const XML = 'application/xml; charset=utf-8';

/**
 * `/sitemap.xml` (the index), `/sitemap-{posts,pages,categories,tags,authors}-N.xml`,
 * `/sitemap-news.xml` (the last 48 hours) and `/robots.txt`. Conditional GET answers 304.
 */
export function sitemapRoutes(deps: SitemapDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/sitemap.xml', async (request, reply) => {
      const [settings, sitemaps] = await Promise.all([loadSettings(deps.db), listSitemaps(deps)]);
      pageTags(request).add(SITEMAP);
      return sendCacheable(request, reply, {
        contentType: XML,
        model: { base: settings.baseUrl, sitemaps },
        newest: newestLastmod(sitemaps),
        render: () => renderSitemapIndex(settings.baseUrl, sitemaps),
      });
    });

    for (const kind of SITEMAP_KINDS) {
      app.get<{ Params: { n: string } }>(`/sitemap-${kind}-:n.xml`, async (request, reply) => {
        if (!/^[1-9]\d{0,5}$/.test(request.params.n)) return reply.callNotFound();
        const [settings, urls] = await Promise.all([loadSettings(deps.db), loadSitemap(deps, kind, Number(request.params.n))]);
        if (!urls) return reply.callNotFound();
        pageTags(request).add(SITEMAP);
        return sendCacheable(request, reply, {
          contentType: XML,
          model: { base: settings.baseUrl, urls },
          newest: newestLastmod(urls),
          render: () => renderUrlset(settings.baseUrl, urls),
        });
      });
    }

    app.get(NEWS_SITEMAP_PATH, async (request, reply) => {
      const [settings, items] = await Promise.all([loadSettings(deps.db), loadNewsItems(deps)]);
      pageTags(request).add(SITEMAP);
      return sendCacheable(request, reply, {
        contentType: XML,
        model: { base: settings.baseUrl, title: settings.title, items },
        newest: newestLastmod(items.map((i) => ({ lastmod: i.publishedAt }))),
        render: () => renderNewsSitemap(settings.baseUrl, settings.title, items),
      });
    });

    app.get('/robots.txt', async (request, reply) => {
      const settings = await loadSettings(deps.db);
      pageTags(request).add(SITEMAP);
      return reply.type('text/plain; charset=utf-8').send(robotsTxt(settings.baseUrl));
    });
  };
}

/** Everyone may crawl everything but the admin; the sitemap index says where the content is. */
export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nDisallow: /admin/\n\nSitemap: ${baseUrl}/sitemap.xml\n`;
}
