import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { DB, DonationKind } from '../../storage/schema.js';
import type { Stripe } from './stripe-client.js';

/** A reader's donation as the donate form sends it, validated at the edge. */
export interface DonationRequest {
  amountMinor: number;
  currency: string;
  kind: DonationKind;
  /** Empty: anonymous on the thank-you list. */
  displayName: string;
  /** Empty when not given; Stripe Checkout then asks for it. */
  email: string;
  driveId: number | null;
}

export interface CheckoutDeps {
  db: Kysely<DB>;
  clock: Clock;
  stripe: Stripe;
  /** The site's public base URL, for the success and cancel addresses. */
  baseUrl: string;
  /** What the reader sees on Stripe's page: "Donation to The Lantern". */
  productName: string;
}

/**
 * Writes a pending donation, then creates its Stripe Checkout Session (mode `payment` or
 * `subscription`, an inline price, the donation id and drive in its metadata and in the
 * payment's or subscription's, so every later webhook can find the row) and returns the URL
 * to send the reader to. Payment state changes only through verified webhooks.
 * Throws AppError('UNAVAILABLE') when Stripe cannot be reached; the row is then cancelled.
 */
export async function startCheckout(deps: CheckoutDeps, request: DonationRequest): Promise<string> {
  const { db } = deps;
  const created = await db
    .insertInto('donations')
    .values({
      amount_minor: request.amountMinor,
      currency: request.currency,
      kind: request.kind,
      source: 'stripe',
      status: 'pending',
      display_name: request.displayName || null,
      donor_email: request.email,
      drive_id: request.driveId,
      created_at: deps.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const metadata: Record<string, string> = { donation_id: String(created.id) };
  if (request.driveId !== null) metadata.drive_id = String(request.driveId);
  const monthly = request.kind === 'monthly';
  let session: Stripe.Checkout.Session;
  try {
    session = await deps.stripe.checkout.sessions.create(
      {
        mode: monthly ? 'subscription' : 'payment',
        line_items: [{
          quantity: 1,
          price_data: {
            currency: request.currency.toLowerCase(),
            unit_amount: request.amountMinor,
            product_data: { name: deps.productName },
            ...(monthly ? { recurring: { interval: 'month' as const } } : {}),
          },
        }],
        success_url: `${deps.baseUrl}/donate/thanks/`,
        cancel_url: `${deps.baseUrl}/donate/`,
        client_reference_id: String(created.id),
        metadata,
        ...(request.email ? { customer_email: request.email } : {}),
        ...(monthly ? { subscription_data: { metadata } } : { payment_intent_data: { metadata }, submit_type: 'donate' as const }),
      },
      { idempotencyKey: `broadside-donation-${created.id}` },
    );
  } catch (error) {
    await db.updateTable('donations').set({ status: 'cancelled', note: 'Stripe Checkout could not be started' }).where('id', '=', created.id).execute();
    throw new AppError('UNAVAILABLE', { stripe: (error as Error).message }, { cause: error });
  }
  await db.updateTable('donations').set({ stripe_checkout_session_id: session.id }).where('id', '=', created.id).execute();
  if (!session.url) throw new AppError('UNAVAILABLE', { stripe: 'no checkout url' });
  return session.url;
}
