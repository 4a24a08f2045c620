import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { type Effect, onChargeRefunded, onCheckoutCompleted, onInvoicePaid, onSubscriptionDeleted } from './webhook-effects.js';

/** A verified Stripe event: only what processing reads. */
export interface StripeEventLike {
  id: string;
  type: string;
  data: { object: unknown };
}

export type ProcessOutcome =
  | { status: 'processed'; outcome: string; drives: number[] }
  | { status: 'duplicate' }
  /** Not applicable yet (a refund before its payment is known): answer non-2xx so Stripe retries. */
  | { status: 'retry' };

class RetryLater extends Error {}

const HANDLERS: Record<string, (db: Kysely<DB>, object: Record<string, unknown>, now: string) => Promise<Effect | 'retry'>> = {
  'checkout.session.completed': onCheckoutCompleted,
  'checkout.session.async_payment_succeeded': onCheckoutCompleted,
  'invoice.paid': onInvoicePaid,
  'charge.refunded': onChargeRefunded,
  'customer.subscription.deleted': onSubscriptionDeleted,
};

/**
 * Applies a signature-verified event exactly once: its id is written to `stripe_events` in the
 * same transaction as its effect, so a second delivery (or a concurrent one, which waits on the
 * first's row) finds it and changes nothing. Event types Broadside does not use are recorded
 * and ignored. Never call it with an unverified event.
 */
export async function processStripeEvent(db: Kysely<DB>, event: StripeEventLike, now: Date): Promise<ProcessOutcome> {
  const at = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('stripe_events').values({ id: event.id, type: event.type, processed_at: at })
        .onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { status: 'duplicate' as const };
      const handler = HANDLERS[event.type];
      const object = event.data.object && typeof event.data.object === 'object' ? (event.data.object as Record<string, unknown>) : {};
      const effect = handler ? await handler(trx, object, at) : { drives: [], outcome: 'ignored type' };
      if (effect === 'retry') throw new RetryLater();
      return { status: 'processed' as const, ...effect };
    });
  } catch (error) {
    if (error instanceof RetryLater) return { status: 'retry' };
    throw error;
  }
}
