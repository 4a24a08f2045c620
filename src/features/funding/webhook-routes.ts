import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type Stripe from 'stripe';
import type { Config } from '../../config.js';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import { loadFundingSettings, stripeKeys } from './settings.js';
import { loadStripe } from './stripe-client.js';
import { processStripeEvent } from './webhooks.js';

export interface WebhookRoutesDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'stripeSecretKey' | 'stripeWebhookSecret'>;
  /** Called after a change that moved these drives' totals (page-cache invalidation). */
  onDrivesChanged?: (driveIds: number[]) => Promise<void> | void;
}

/** How old a signature may be (seconds): Stripe's own default, against replays of captured requests. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * POST /webhooks/stripe. Its own encapsulated plugin: the body stays the exact bytes Stripe
 * signed (this scope's only content-type parser keeps a Buffer), and the CSRF check is off for
 * this route because the signature authenticates it. A forged, stale or unsigned request is
 * refused with 400 and a warning in the log, and never processed. A refused request is not
 * written to the audit log: anyone can send one, and the log must not be floodable.
 */
export function stripeWebhookRoutes(deps: WebhookRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 512 * 1024 }, (_request, body, done) => done(null, body));

    app.post('/webhooks/stripe', { config: { csrf: false } }, async (request, reply) => {
      const { webhookSecret } = stripeKeys(deps.config, await loadFundingSettings(deps.db));
      const signature = request.headers['stripe-signature'];
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const stripe = await loadStripe();
      let event: Stripe.Event;
      try {
        if (!webhookSecret) throw new Error('no webhook secret is configured (STRIPE_WEBHOOK_SECRET)');
        if (typeof signature !== 'string') throw new Error('no Stripe-Signature header');
        event = stripe.webhooks.constructEvent(body, signature, webhookSecret, SIGNATURE_TOLERANCE_SECONDS, undefined, deps.clock.now().getTime());
      } catch (error) {
        request.log.warn({ ip: request.ip, reason: (error as Error).message }, 'Refused a Stripe webhook: signature not valid');
        return reply.code(400).type('application/json').send({ error: 'invalid signature' });
      }
      const result = await processStripeEvent(deps.db, event, deps.clock.now());
      if (result.status === 'retry') {
        request.log.info({ event: event.id, type: event.type }, 'Stripe webhook not applicable yet; Stripe will retry');
        return reply.code(503).type('application/json').send({ error: 'retry later' });
      }
      if (result.status === 'processed') {
        request.log.info({ event: event.id, type: event.type, outcome: result.outcome }, 'Stripe webhook processed');
        if (result.drives.length && deps.onDrivesChanged) await deps.onDrivesChanged(result.drives);
      }
      return reply.type('application/json').send({ received: true, duplicate: result.status === 'duplicate' });
    });
  };
}
