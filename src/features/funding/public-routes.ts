import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { isAppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import type { FrameLoader } from '../site/index.js';
import { startCheckout } from './checkout.js';
import { donateFormSchema, emptyDonateState, readDonateForm } from './donate-form.js';
import { type DonateFormState, renderDonatePage, renderThanksPage } from './donate-view.js';
import { renderDrivePage } from './drive-view.js';
import { type DriveRow, findDriveBySlug } from './drives.js';
import { registerPortalRoutes } from './portal-routes.js';
import { getDriveProgress } from './progress.js';
import { listThankYous } from './public-queries.js';
import { loadFundingSettings, stripeKeys } from './settings.js';
import { defaultStripeFactory, type StripeFactory } from './stripe-client.js';

export interface FundingRoutesDeps {
  db: Kysely<DB>;
  clock: Clock;
  frame: FrameLoader;
  config: Pick<Config, 'stripeSecretKey' | 'stripeWebhookSecret'>;
  stripe?: StripeFactory;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;
const donateQuery = z.object({
  drive: z.string().regex(SLUG).optional().catch(undefined),
  amount: z.string().regex(/^\d{1,7}$/).optional().catch(undefined),
  kind: z.enum(['one-off', 'monthly']).optional().catch(undefined),
  cancelled: z.literal('1').optional().catch(undefined),
});

/** A drive open for gifts at `now`, by slug; null for an unknown, future or ended one. */
async function openDrive(deps: FundingRoutesDeps, slug: string | undefined): Promise<DriveRow | null> {
  if (!slug) return null;
  const drive = await findDriveBySlug(deps.db, slug);
  const now = deps.clock.now().toISOString();
  return drive && drive.starts_at <= now && (drive.ends_at === null || drive.ends_at > now) ? drive : null;
}

/** The donate page (GET and POST /donate/), its thank-you page and the drive pages. */
export function fundingRoutes(deps: FundingRoutesDeps): FastifyPluginAsync {
  const page = async (request: FastifyRequest, reply: FastifyReply, drive: DriveRow | null, state: DonateFormState, status = 200) => {
    const [frame, settings] = await Promise.all([deps.frame(), loadFundingSettings(deps.db)]);
    const online = stripeKeys(deps.config, settings).secretKey !== '';
    const body = renderDonatePage(frame, { settings, online, drive, csrfToken: online ? request.csrfToken(reply) : '', state });
    return reply.code(status).header('cache-control', 'private, no-cache').type('text/html; charset=utf-8').send(body);
  };

  return async (app) => {
    app.get('/donate/', async (request, reply) => {
      const query = donateQuery.parse(request.query ?? {});
      const state = emptyDonateState(await loadFundingSettings(deps.db), query);
      return page(request, reply, await openDrive(deps, query.drive), query.cancelled ? { ...state, notice: 'cancelled' } : state);
    });

    app.post('/donate/', async (request, reply) => {
      const form = donateFormSchema.parse(request.body ?? {});
      const [settings, drive, site] = await Promise.all([loadFundingSettings(deps.db), openDrive(deps, form.drive || undefined), deps.frame()]);
      const keys = stripeKeys(deps.config, settings);
      const read = readDonateForm(form, settings, drive);
      if (!('amountMinor' in read)) return page(request, reply, drive, read, 422);
      const blank = emptyDonateState(settings, {});
      if (!keys.secretKey) return page(request, reply, drive, { ...blank, errors: { form: 'unavailable' } }, 503);
      try {
        const url = await startCheckout({
          db: deps.db, clock: deps.clock, stripe: await (deps.stripe ?? defaultStripeFactory)(keys.secretKey), baseUrl: site.settings.baseUrl,
          productName: drive ? `${drive.title} — ${site.settings.title}` : site.settings.title,
        }, read);
        return reply.redirect(url, 303);
      } catch (error) {
        if (!isAppError(error, 'UNAVAILABLE')) throw error;
        request.log.warn({ err: error.cause, details: error.details }, 'Stripe Checkout could not be started');
        const values = { ...blank.values, custom: form.custom, preset: form.preset, kind: form.kind, name: form.name, email: form.email };
        return page(request, reply, drive, { values, errors: { form: 'unavailable' } }, 503);
      }
    });

    app.get('/donate/thanks/', async (_request, reply) => {
      const [frame, settings] = await Promise.all([deps.frame(), loadFundingSettings(deps.db)]);
      const online = stripeKeys(deps.config, settings).secretKey !== '';
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderThanksPage(frame, online));
    });

    registerPortalRoutes(app, deps);

    app.get<{ Params: { slug: string } }>('/donate/drive/:slug/', async (request, reply) => {
      if (!SLUG.test(request.params.slug)) return reply.callNotFound();
      const drive = await findDriveBySlug(deps.db, request.params.slug);
      if (!drive) return reply.callNotFound();
      const [frame, progress, thanks] = await Promise.all([deps.frame(), getDriveProgress(deps.db, drive.id), listThankYous(deps.db, drive.id)]);
      return reply.type('text/html; charset=utf-8').send(renderDrivePage(frame, drive, progress!, thanks, deps.clock.now()));
    });
  };
}
