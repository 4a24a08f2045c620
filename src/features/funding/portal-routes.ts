import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../errors.js';
import { openPortal, portalLinkSchema, readPortalLink, requestPortalLink } from './portal.js';
import { type ManageNotice, renderManagePage, renderPortalConfirm } from './portal-view.js';
import type { FundingRoutesDeps } from './public-routes.js';
import { loadFundingSettings, stripeKeys } from './settings.js';
import { defaultStripeFactory } from './stripe-client.js';

const manageForm = z.object({ email: z.string().max(1000).default('').catch('') });

/**
 * /donate/manage/: a monthly supporter asks for a link to Stripe's customer portal by email;
 * /donate/manage/portal/ is the mailed link (GET shows a button, POST opens the portal).
 * Both answer 404 while no Stripe key is configured. Nothing here is cached or indexed.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: FundingRoutesDeps): void {
  const secretKey = async () => stripeKeys(deps.config, await loadFundingSettings(deps.db)).secretKey;
  const send = (reply: FastifyReply, body: string, status = 200) =>
    reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
  const managePage = async (request: FastifyRequest, reply: FastifyReply, notice?: ManageNotice, status = 200) =>
    send(reply, renderManagePage(await deps.frame(), { csrfToken: request.csrfToken(reply), ...(notice ? { notice } : {}) }), status);

  app.get('/donate/manage/', async (request, reply) => {
    if (!(await secretKey())) return reply.callNotFound();
    return managePage(request, reply);
  });

  app.post('/donate/manage/', async (request, reply) => {
    if (!(await secretKey())) return reply.callNotFound();
    const { email } = manageForm.parse(request.body ?? {});
    const frame = await deps.frame();
    const result = await requestPortalLink(deps.db, {
      email, ip: request.ip, baseUrl: frame.settings.baseUrl, siteTitle: frame.settings.title, messages: frame.t.funding, locale: frame.t.locale,
    }, deps.clock.now());
    if (result.limited) {
      reply.header('retry-after', String(result.retryAfter));
      return managePage(request, reply, 'limited', 429);
    }
    return managePage(request, reply, 'sent');
  });

  app.get('/donate/manage/portal/', async (request, reply) => {
    if (!(await secretKey())) return reply.callNotFound();
    const link = portalLinkSchema.catch({ d: '', x: '', s: '' }).parse(request.query ?? {});
    if (!(await readPortalLink(deps.db, link, deps.clock.now()))) return managePage(request, reply, 'invalid', 410);
    return send(reply, renderPortalConfirm(await deps.frame(), link, request.csrfToken(reply)));
  });

  app.post('/donate/manage/portal/', async (request, reply) => {
    const key = await secretKey();
    if (!key) return reply.callNotFound();
    const link = portalLinkSchema.catch({ d: '', x: '', s: '' }).parse(request.body ?? {});
    const customer = await readPortalLink(deps.db, link, deps.clock.now());
    if (!customer) return managePage(request, reply, 'invalid', 410);
    const frame = await deps.frame();
    try {
      const url = await openPortal(await (deps.stripe ?? defaultStripeFactory)(key), customer, `${frame.settings.baseUrl}/donate/`);
      return reply.header('cache-control', 'no-store').redirect(url, 303);
    } catch (error) {
      if (!isAppError(error, 'UNAVAILABLE')) throw error;
      request.log.warn({ err: error.cause, details: error.details }, 'Stripe customer portal could not be opened');
      return managePage(request, reply, 'unavailable', 503);
    }
  });
}
