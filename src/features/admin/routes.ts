import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { AppError } from '../../errors.js';
import { registerAuthRoutes } from './auth-routes.js';
import { type AdminDeps, adminFrame, sendPage } from './context.js';
import { emptyForm } from './views/forms.js';
import { renderDashboard } from './views/dashboard.js';
import { renderSignIn } from './views/sign-in.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Admin routes that answer signed-out visitors (sign-in, password reset). */
    public?: boolean;
  }
}

/** Other admin sections register here; each receives the same dependencies. */
export type AdminSection = (app: FastifyInstance, deps: AdminDeps) => void;

/**
 * The admin at /admin/. Every route requires a session unless marked `config.public`; a
 * signed-out GET gets the sign-in form (and comes back after), other methods get 401.
 */
export function adminRoutes(deps: AdminDeps, sections: AdminSection[] = []): FastifyPluginAsync {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      if (!request.session && !request.routeOptions.config.public) throw new AppError('UNAUTHENTICATED');
    });
    app.setErrorHandler(async (error, request, reply) => {
      if (error instanceof AppError && error.code === 'UNAUTHENTICATED' && request.method === 'GET') {
        const frame = await adminFrame(deps, request, reply);
        const next = request.url === '/admin/' ? undefined : request.url;
        return sendPage(reply, renderSignIn(frame, emptyForm(), { next }), 401);
      }
      throw error;
    });

    app.get('/admin', { config: { public: true } }, async (_request, reply) => reply.redirect('/admin/', 301));
    app.get('/admin/', { config: { public: true } }, async (request, reply) => {
      const frame = await adminFrame(deps, request, reply);
      if (!request.session) return sendPage(reply, renderSignIn(frame, emptyForm()));
      const rows = await deps.db
        .selectFrom('posts')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('deleted_at', 'is', null)
        .groupBy('status')
        .execute();
      const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
      return sendPage(reply, renderDashboard(frame, { drafts: count('draft'), scheduled: count('scheduled'), published: count('published') }));
    });

    registerAuthRoutes(app, deps);
    for (const section of sections) section(app, deps);
    // Unknown admin addresses: signed-out visitors get the sign-in form (preHandler), others a 404.
    app.get('/admin/*', async () => {
      throw new AppError('NOT_FOUND');
    });
  };
}
