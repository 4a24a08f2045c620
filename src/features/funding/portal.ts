import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { FundingMessages } from '../../i18n/funding-messages.js';
import { randomToken, safeEqual, sha256 } from '../../lib/tokens.js';
import type { DB } from '../../storage/schema.js';
import { queueMail } from '../mail/index.js';
import { hitLimit } from '../rate-limits/index.js';
import { formatMoney } from './money.js';
import type { Stripe } from './stripe-client.js';

/**
 * The way a monthly supporter reaches Stripe's customer portal: they ask for a link by email;
 * the mail carries a signed link that expires; opening it and pressing the button creates a
 * portal session for the customer of that donation. Nothing a visitor sees says whether an
 * address gives monthly.
 */
export const PORTAL_LINK = Object.freeze({
  /** How long a mailed link works (the mail says "24 hours"). */
  lifetimeMs: 24 * 3600_000,
  /** Requests from one IP address, as for password resets. */
  perIp: { limit: 10, windowMs: 15 * 60_000 },
  /** Mails to one address: more requests within the hour are answered the same but send nothing. */
  perEmail: { limit: 3, windowMs: 3600_000 },
  /** Links in one mail: one per Stripe customer the address gives through, newest first. */
  maxLinks: 5,
});

/** The key in `settings` of the random secret that signs the links (an export secret). */
export const PORTAL_SECRET_KEY = 'funding.secret';

/** The site's portal-link secret, created on first use; concurrent first uses agree on one. */
async function portalSecret(db: Kysely<DB>): Promise<string> {
  const found = await db.selectFrom('settings').select('value').where('key', '=', PORTAL_SECRET_KEY).executeTakeFirst();
  if (found) return JSON.parse(found.value) as string;
  await db.insertInto('settings').values({ key: PORTAL_SECRET_KEY, value: JSON.stringify(randomToken(32)) })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', PORTAL_SECRET_KEY).executeTakeFirstOrThrow();
  return JSON.parse(row.value) as string;
}

const signature = (secret: string, donationId: number, expires: number): string =>
  createHmac('sha256', secret).update(`portal\n${donationId}.${expires}`).digest('base64url');

/** A portal link's query: the donation, when it expires (Unix seconds), and the signature. */
export interface PortalLink {
  d: string;
  x: string;
  s: string;
}

export const portalLinkSchema = z.object({
  d: z.string().max(12).default(''),
  x: z.string().max(12).default(''),
  s: z.string().max(100).default(''),
});

export interface PortalRequest {
  email: string;
  ip: string;
  /** The site's address (settings.baseUrl), for the links. */
  baseUrl: string;
  siteTitle: string;
  /** The mail's words and number format, in the site's language. */
  messages: FundingMessages;
  locale: string;
}

/**
 * Queues a mail with portal links when `email` gave monthly through Stripe (a donation with a
 * Stripe customer), within the limits. Returns `{ limited }` only for the per-IP limit; an
 * unknown address, a bad one or the per-email limit look exactly like success.
 */
export async function requestPortalLink(db: Kysely<DB>, input: PortalRequest, now: Date): Promise<{ limited: false } | { limited: true; retryAfter: number }> {
  const ip = await hitLimit(db, `funding-portal:ip:${sha256(input.ip)}`, PORTAL_LINK.perIp, now);
  if (!ip.allowed) return { limited: true, retryAfter: ip.retryAfter };
  const email = input.email.trim().toLowerCase();
  if (!z.email().safeParse(email).success || email.length > 254) return { limited: false };
  const perEmail = await hitLimit(db, `funding-portal:email:${sha256(email)}`, PORTAL_LINK.perEmail, now);
  if (!perEmail.allowed) return { limited: false };
  // Read before knowing whether a mail goes out, so both answers take the same queries up to the mail.
  const secret = await portalSecret(db);
  const rows = await db.selectFrom('donations')
    .select(['id', 'stripe_customer_id', 'amount_minor', 'currency', 'cancelled_at'])
    .where('donor_email', '=', email).where('source', '=', 'stripe').where('kind', '=', 'monthly')
    .where('stripe_customer_id', 'is not', null)
    .orderBy('id', 'desc')
    .execute();
  // One link per customer, the running subscriptions first.
  const byCustomer = new Map<string, (typeof rows)[number]>();
  for (const row of [...rows.filter((r) => r.cancelled_at === null), ...rows.filter((r) => r.cancelled_at !== null)]) {
    if (!byCustomer.has(row.stripe_customer_id!)) byCustomer.set(row.stripe_customer_id!, row);
  }
  const chosen = [...byCustomer.values()].slice(0, PORTAL_LINK.maxLinks);
  if (chosen.length === 0) return { limited: false };
  const expires = Math.floor((now.getTime() + PORTAL_LINK.lifetimeMs) / 1000);
  const links = chosen.map((row) => {
    const url = `${input.baseUrl}/donate/manage/portal/?d=${row.id}&x=${expires}&s=${signature(secret, row.id, expires)}`;
    return chosen.length === 1 ? url : `${input.messages.perMonth(formatMoney(row.amount_minor, row.currency, input.locale))}: ${url}`;
  });
  await queueMail(db, {
    to: email, subject: input.messages.mailSubject(input.siteTitle).replace(/[\r\n]+/g, ' '), text: input.messages.mailBody(input.siteTitle, links),
    idempotencyKey: `funding-portal:${randomToken(16)}`,
  }, now);
  return { limited: false };
}

/**
 * The Stripe customer a portal link is for, or null when it is malformed, forged, expired, or
 * its donation is gone or has no customer.
 */
export async function readPortalLink(db: Kysely<DB>, link: PortalLink, now: Date): Promise<string | null> {
  if (!/^[1-9]\d{0,9}$/.test(link.d) || !/^\d{1,11}$/.test(link.x) || !/^[A-Za-z0-9_-]{43}$/.test(link.s)) return null;
  const donationId = Number(link.d);
  const expires = Number(link.x);
  if (!safeEqual(signature(await portalSecret(db), donationId, expires), link.s)) return null;
  if (expires * 1000 <= now.getTime()) return null;
  const row = await db.selectFrom('donations').select('stripe_customer_id').where('id', '=', donationId).where('source', '=', 'stripe').executeTakeFirst();
  return row?.stripe_customer_id ?? null;
}

/**
 * Creates a Stripe customer-portal session for `customer` and returns its URL; the portal sends
 * the reader back to `returnUrl`. Throws AppError('UNAVAILABLE') when Stripe cannot be reached
 * or refuses (for instance when the portal is not enabled in Stripe's dashboard).
 */
export async function openPortal(stripe: Stripe, customer: string, returnUrl: string): Promise<string> {
  try {
    const session = await stripe.billingPortal.sessions.create({ customer, return_url: returnUrl });
    if (!session.url) throw new Error('no portal url');
    return session.url;
  } catch (error) {
    throw new AppError('UNAVAILABLE', { stripe: (error as Error).message }, { cause: error });
  }
}
