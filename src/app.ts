import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import type { AppContext } from './context.js';
import { ADMIN_SECTIONS, adminRoutes } from './features/admin/index.js';
import { archiveRoutes, sidebarFragment, sidebarMemo, withSidebar } from './features/archive/index.js';
import { APPEALS, driveTag, installPageCache, SIDEBAR_FRAGMENT } from './features/cache/index.js';
import { commentsMemos, commentsRoutes, formTokenRefresher, installCommentSlots } from './features/comments/index.js';
import { feedsPlugin } from './features/feeds/index.js';
import { withAppeals } from './features/funding/appeals/index.js';
import { fundingRoutes, stripeWebhookRoutes } from './features/funding/index.js';
import { pagesRoutes } from './features/pages/index.js';
import { postsRoutes } from './features/posts/index.js';
import { registerUploads } from './features/import/index.js';
import { findRedirect } from './features/redirects/index.js';
import { createFrameLoader, renderErrorPage, renderNotFoundPage } from './features/site/index.js';
import { installCsrf } from './http/csrf.js';
import { installErrorHandler } from './http/error-handler.js';
import { installNotFound } from './http/not-found.js';
import { installQueryRedirects } from './http/query-redirects.js';
import { addSecurityHeaders, SECURITY_HEADERS } from './http/security-headers.js';
import { installSessions } from './http/session.js';
import { registerStaticAssets, versionedAssetUrl } from './http/static-assets.js';

/** Longest request URL we accept; longer ones get 414. */
export const MAX_URL_LENGTH = 2048;

/**
 * Builds the Fastify app from a context: the HTTP edge (headers, errors, 404s, assets)
 * and the feature plugins. Does not listen; `main.ts` and the tests decide how to serve it.
 */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log,
    logController: new LogController({
      disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace',
    }),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { ignoreDuplicateSlashes: false, maxParamLength: 300 },
    // Malformed percent-encoding and over-long segments never reach the routes or hooks:
    // answer them here with the same headers and pages as everything else.
    frameworkErrors: async (error, _request, genericReply) => {
      const reply = genericReply as unknown as FastifyReply;
      reply.headers(SECURITY_HEADERS);
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        return reply.code(414).type('text/plain; charset=utf-8').send('The address is too long.\n');
      }
      return reply.code(404).type('text/html; charset=utf-8').send(await notFoundPage());
    },
  });
  const db = ctx.database.db;
  // Every public page gets the sidebar (calendar, monthly archive) and the live donation appeals through its frame.
  // The frame's and the sidebar's reads are remembered while the database's data version holds.
  const dataVersion = () => ctx.database.dataVersion();
  const frame = withAppeals(
    withSidebar(
      createFrameLoader({ db, stylesheet: versionedAssetUrl('assets/site.css'), dataVersion }),
      { db, clock: ctx.clock, memo: sidebarMemo(dataVersion) },
    ),
    { db, clock: ctx.clock },
  );
  const notFoundPage = () => renderNotFoundPage({ db, clock: ctx.clock, frame });

  addSecurityHeaders(app);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_LENGTH) {
      return reply.code(414).type('text/plain; charset=utf-8').send('The address is too long.\n');
    }
  });
  installErrorHandler(app, (_request, status, message) => renderErrorPage(frame, status, message));
  installNotFound(app, {
    findRedirect: (path) => findRedirect(db, path),
    renderNotFound: notFoundPage,
  });
  installQueryRedirects(app, { findRedirect: (path) => findRedirect(db, path) });

  await registerStaticAssets(app);
  await registerUploads(app, ctx.config.dataDir);
  installCommentSlots(app, { db, clock: ctx.clock, ...commentsMemos(dataVersion) }); // before the cookie plugin: see its contract
  await app.register(fastifyCookie);
  const freshFormToken = formTokenRefresher({ db, clock: ctx.clock });
  installPageCache(app, {
    cache: ctx.pageCache ?? null,
    fillers: { _csrf: (request, reply) => request.csrfToken(reply), formToken: (_request, _reply, original) => freshFormToken(original) },
    // Cached apart from the pages, so a published post drops the sidebars and not every page.
    fragments: { [SIDEBAR_FRAGMENT]: sidebarFragment(frame, [APPEALS]) },
  });
  await app.register(fastifyFormbody, { bodyLimit: 2 * 1024 * 1024 });
  installSessions(app, { db, clock: ctx.clock });
  installCsrf(app);
  const invalidator = ctx.pageCache?.invalidator;
  const deps = { db, clock: ctx.clock, frame, invalidator };
  await app.register(postsRoutes(deps));
  await app.register(archiveRoutes(deps));
  await app.register(commentsRoutes(deps));
  await app.register(feedsPlugin({ db, clock: ctx.clock }));
  await app.register(
    adminRoutes({
      db,
      clock: ctx.clock,
      invalidator,
      assets: { stylesheet: versionedAssetUrl('assets/admin.css'), script: versionedAssetUrl('assets/admin.js') },
      imports: { dataDir: ctx.config.dataDir, maxMb: ctx.config.importMaxMb },
    }, ADMIN_SECTIONS),
  );
  await app.register(stripeWebhookRoutes({
    db, clock: ctx.clock, config: ctx.config,
    onDrivesChanged: async (driveIds) => invalidator?.invalidate(driveIds.map(driveTag)),
  }));
  await app.register(fundingRoutes({ ...deps, config: ctx.config, ...(ctx.stripe ? { stripe: ctx.stripe } : {}) }));
  await app.register(pagesRoutes(deps));
  return app;
}
