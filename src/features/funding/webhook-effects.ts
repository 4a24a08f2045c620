import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

/**
 * What each Stripe event does to the donations, read defensively: webhook payloads follow the
 * endpoint's API version, so fields that moved between versions (an invoice's subscription,
 * its payment intent) are read from either place. Each returns the drives whose totals moved.
 */
type Obj = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
/** An id given as a string or as an expanded object. */
const idOf = (v: unknown): string | null => str(v) ?? (v && typeof v === 'object' ? str((v as Obj).id) : null);
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const donationIdIn = (metadata: unknown): number | null => {
  const raw = str(obj(metadata).donation_id);
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
};

export interface Effect {
  /** Drives whose totals changed (for page-cache invalidation). */
  drives: number[];
  /** What happened, for the log. */
  outcome: string;
}

const none = (outcome: string): Effect => ({ drives: [], outcome });
const moved = (driveId: number | null, outcome: string): Effect => ({ drives: driveId === null ? [] : [driveId], outcome });

/** `checkout.session.completed` / `…async_payment_succeeded`: confirms a paid one-off; records a monthly one's subscription. */
export async function onCheckoutCompleted(db: Kysely<DB>, session: Obj, now: string): Promise<Effect> {
  const id = donationIdIn(session.metadata) ?? donationIdIn({ donation_id: session.client_reference_id });
  const row = id === null ? undefined : await db.selectFrom('donations').select(['id', 'status', 'drive_id', 'donor_email']).where('id', '=', id).where('source', '=', 'stripe').executeTakeFirst();
  if (!row) return none('unknown donation');
  const email = str(obj(session.customer_details).email) ?? str(session.customer_email);
  const common = {
    stripe_checkout_session_id: str(session.id),
    stripe_customer_id: idOf(session.customer),
    ...(row.donor_email === '' && email ? { donor_email: email.toLowerCase() } : {}),
  };
  if (session.mode === 'subscription') {
    await db.updateTable('donations').set({ ...common, stripe_subscription_id: idOf(session.subscription) }).where('id', '=', row.id).execute();
    return none('subscription recorded');
  }
  const paid = session.payment_status === 'paid' || session.payment_status === 'no_payment_required';
  const confirm = paid && row.status === 'pending';
  await db.updateTable('donations')
    .set({ ...common, stripe_payment_intent_id: idOf(session.payment_intent), ...(confirm ? { status: 'confirmed' as const, confirmed_at: now } : {}) })
    .where('id', '=', row.id)
    .execute();
  return confirm ? moved(row.drive_id, 'confirmed') : none(paid ? `already ${row.status}` : 'awaiting payment');
}

/** The subscription, its metadata and the payment intent of an invoice, wherever this API version puts them. */
function invoiceLinks(invoice: Obj) {
  const parentDetails = obj(obj(invoice.parent).subscription_details);
  const legacyDetails = obj(invoice.subscription_details);
  const firstLine = obj((obj(invoice.lines).data as unknown[] | undefined)?.[0]);
  const payment = obj(obj((obj(invoice.payments).data as unknown[] | undefined)?.[0]).payment);
  return {
    subscription: idOf(parentDetails.subscription) ?? idOf(invoice.subscription),
    donationId: donationIdIn(parentDetails.metadata) ?? donationIdIn(legacyDetails.metadata) ?? donationIdIn(firstLine.metadata),
    paymentIntent: idOf(payment.payment_intent) ?? idOf(invoice.payment_intent),
  };
}

/**
 * `invoice.paid`: each paid invoice of a monthly donation is one confirmed row, unique by
 * invoice id. The first fills the pending row written at checkout; later ones copy it. Works
 * before `checkout.session.completed` has arrived, through the subscription's metadata.
 */
export async function onInvoicePaid(db: Kysely<DB>, invoice: Obj, now: string): Promise<Effect> {
  const invoiceId = str(invoice.id);
  const amount = Number(invoice.amount_paid);
  if (!invoiceId || !Number.isSafeInteger(amount) || amount <= 0) return none('nothing paid');
  if (await db.selectFrom('donations').select('id').where('stripe_invoice_id', '=', invoiceId).executeTakeFirst()) return none('already recorded');
  const links = invoiceLinks(invoice);
  let template = links.donationId === null ? undefined
    : await db.selectFrom('donations').selectAll().where('id', '=', links.donationId).where('source', '=', 'stripe').executeTakeFirst();
  if (!template && links.subscription) {
    template = await db.selectFrom('donations').selectAll().where('stripe_subscription_id', '=', links.subscription).orderBy('id').executeTakeFirst();
  }
  if (!template) return none('unknown subscription');
  const paid = {
    amount_minor: amount,
    currency: (str(invoice.currency) ?? template.currency).toUpperCase(),
    status: 'confirmed' as const,
    confirmed_at: now,
    stripe_invoice_id: invoiceId,
    stripe_payment_intent_id: links.paymentIntent,
    stripe_subscription_id: links.subscription ?? template.stripe_subscription_id,
    stripe_customer_id: idOf(invoice.customer) ?? template.stripe_customer_id,
  };
  if (template.status === 'pending' && template.stripe_invoice_id === null) {
    await db.updateTable('donations').set(paid).where('id', '=', template.id).execute();
  } else {
    await db.insertInto('donations').values({
      ...paid, kind: 'monthly', source: 'stripe', display_name: template.display_name, donor_email: template.donor_email,
      drive_id: template.drive_id, created_at: now,
    }).execute();
  }
  return moved(template.drive_id, 'monthly payment confirmed');
}

/**
 * `charge.refunded`: a fully refunded charge marks its donation refunded, so totals drop.
 * A partial refund changes nothing (the ledger keeps the gift; Stripe's dashboard has the
 * detail). Returns `retry` when the payment is not known yet (its checkout event is still
 * to come), so Stripe delivers the refund again later.
 */
export async function onChargeRefunded(db: Kysely<DB>, charge: Obj, now: string): Promise<Effect | 'retry'> {
  if (charge.refunded !== true) return none('partial refund ignored');
  const intent = idOf(charge.payment_intent);
  const invoice = idOf(charge.invoice);
  if (!intent && !invoice) return none('not a donation');
  const rows = await db.selectFrom('donations').select(['id', 'status', 'drive_id'])
    .where((eb) => eb.or([...(intent ? [eb('stripe_payment_intent_id', '=', intent)] : []), ...(invoice ? [eb('stripe_invoice_id', '=', invoice)] : [])]))
    .execute();
  if (rows.length === 0) return 'retry';
  const refundable = rows.filter((r) => r.status === 'confirmed' || r.status === 'pending');
  if (refundable.length === 0) return none('already refunded');
  await db.updateTable('donations').set({ status: 'refunded', refunded_at: now }).where('id', 'in', refundable.map((r) => r.id)).execute();
  return { drives: [...new Set(refundable.flatMap((r) => (r.drive_id === null ? [] : [r.drive_id])))], outcome: 'refunded' };
}

/** `customer.subscription.deleted`: the monthly donation ends; paid months stay confirmed, an unpaid one is cancelled. */
export async function onSubscriptionDeleted(db: Kysely<DB>, subscription: Obj, now: string): Promise<Effect> {
  const subId = str(subscription.id);
  if (!subId) return none('no subscription');
  const fromMetadata = donationIdIn(subscription.metadata);
  if (fromMetadata !== null) {
    // It may end before checkout.session.completed told us its id: link it to its donation first.
    await db.updateTable('donations').set({ stripe_subscription_id: subId }).where('id', '=', fromMetadata)
      .where('source', '=', 'stripe').where('stripe_subscription_id', 'is', null).execute();
  }
  const ended = await db.updateTable('donations').set({ cancelled_at: now }).where('stripe_subscription_id', '=', subId).where('cancelled_at', 'is', null).executeTakeFirst();
  await db.updateTable('donations').set({ status: 'cancelled' }).where('stripe_subscription_id', '=', subId).where('status', '=', 'pending').execute();
  return none(Number(ended.numUpdatedRows) > 0 ? 'subscription ended' : 'unknown subscription');
}
