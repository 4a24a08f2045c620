import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DB, DonationKind, DonationSource, DonationStatus } from '../../storage/schema.js';
import { toCsv } from './csv.js';
import { dayEnd, dayStart, monthsBetween } from './local-days.js';
import { minorToDecimal } from './money.js';

/** The ledger's filters; every one optional. Dates are `YYYY-MM-DD`, days of the site's time zone, inclusive. */
export const ledgerFilterSchema = z.object({
  status: z.enum(['pending', 'confirmed', 'refunded', 'cancelled']).optional().catch(undefined),
  source: z.enum(['stripe', 'manual']).optional().catch(undefined),
  kind: z.enum(['one-off', 'monthly']).optional().catch(undefined),
  currency: z.string().regex(/^[A-Z]{3}$/).optional().catch(undefined),
  drive: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).optional().catch(undefined),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
});

export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;

/** One donation as the admin's ledger shows it, the donor's email included (admins only). */
export interface LedgerRow {
  id: number;
  createdAt: string;
  amountMinor: number;
  currency: string;
  kind: DonationKind;
  source: DonationSource;
  status: DonationStatus;
  displayName: string | null;
  email: string;
  driveId: number | null;
  driveTitle: string | null;
  note: string;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  stripePaymentIntentId: string | null;
  stripeInvoiceId: string | null;
  cancelledAt: string | null;
}

function filtered<O>(query: SelectQueryBuilder<DB, 'donations', O>, f: LedgerFilter, timeZone: string): SelectQueryBuilder<DB, 'donations', O> {
  let q = query;
  if (f.status) q = q.where('donations.status', '=', f.status);
  if (f.source) q = q.where('donations.source', '=', f.source);
  if (f.kind) q = q.where('donations.kind', '=', f.kind);
  if (f.currency) q = q.where('donations.currency', '=', f.currency);
  if (f.drive) q = q.where('donations.drive_id', '=', f.drive);
  const from = f.from ? dayStart(f.from, timeZone) : null;
  const to = f.to ? dayEnd(f.to, timeZone) : null;
  if (from) q = q.where('donations.created_at', '>=', from);
  if (to) q = q.where('donations.created_at', '<', to);
  return q;
}

/** The filtered donations, newest first; `timeZone` is the site's, whose days the filter names. */
export async function listLedger(db: Kysely<DB>, filter: LedgerFilter, page: { limit: number; offset?: number }, timeZone: string): Promise<LedgerRow[]> {
  const rows = await filtered(db.selectFrom('donations'), filter, timeZone)
    .leftJoin('donation_drives', 'donation_drives.id', 'donations.drive_id')
    .select([
      'donations.id', 'donations.created_at', 'donations.amount_minor', 'donations.currency', 'donations.kind', 'donations.source',
      'donations.status', 'donations.display_name', 'donations.donor_email', 'donations.drive_id', 'donation_drives.title as drive_title',
      'donations.note', 'donations.stripe_customer_id', 'donations.stripe_subscription_id', 'donations.stripe_payment_intent_id',
      'donations.stripe_invoice_id', 'donations.cancelled_at',
    ])
    .orderBy('donations.created_at', 'desc')
    .orderBy('donations.id', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id, createdAt: r.created_at, amountMinor: r.amount_minor, currency: r.currency, kind: r.kind, source: r.source, status: r.status,
    displayName: r.display_name, email: r.donor_email, driveId: r.drive_id, driveTitle: r.drive_title, note: r.note,
    stripeCustomerId: r.stripe_customer_id, stripeSubscriptionId: r.stripe_subscription_id, stripePaymentIntentId: r.stripe_payment_intent_id,
    stripeInvoiceId: r.stripe_invoice_id, cancelledAt: r.cancelled_at,
  }));
}

export interface LedgerTotals {
  /** Confirmed money among the filtered rows, per currency. */
  byCurrency: { currency: string; totalMinor: number; count: number }[];
  /** The same per month (`YYYY-MM` in the site's time zone) and currency, newest month first. */
  byMonth: { month: string; currency: string; totalMinor: number; count: number }[];
  /** How many rows the filter matches, whatever their status. */
  rows: number;
}

/**
 * Totals of the filtered ledger: only confirmed donations count as money in. Months are the
 * site's (`timeZone`): a gift at 23:30 UTC on 31 January counts in February in Asia/Almaty.
 * The database only compares instants: each row's month comes from a CASE over the instants
 * where the months between the first and last gift begin, the same SQL on both dialects.
 */
export async function ledgerTotals(db: Kysely<DB>, filter: LedgerFilter, timeZone: string): Promise<LedgerTotals> {
  const confirmed = filtered(db.selectFrom('donations'), filter, timeZone).where('donations.status', '=', 'confirmed');
  const [byCurrency, span, count] = await Promise.all([
    confirmed.select(['donations.currency', sql<string | number>`sum(amount_minor)`.as('total'), sql<string | number>`count(*)`.as('n')])
      .groupBy('donations.currency').orderBy('donations.currency').execute(),
    confirmed.select([sql<string | null>`min(donations.created_at)`.as('first'), sql<string | null>`max(donations.created_at)`.as('last')]).executeTakeFirst(),
    filtered(db.selectFrom('donations'), filter, timeZone).select(sql<string | number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const byMonth = span?.first && span.last ? await totalsPerMonth(db, confirmed, monthsBetween(span.first, span.last, timeZone)) : [];
  return {
    byCurrency: byCurrency.map((r) => ({ currency: r.currency, totalMinor: Number(r.total), count: Number(r.n) })),
    byMonth,
    rows: Number(count.n),
  };
}

async function totalsPerMonth(
  db: Kysely<DB>, confirmed: SelectQueryBuilder<DB, 'donations', object>, months: { month: string; start: string }[],
): Promise<LedgerTotals['byMonth']> {
  // Month labels are ours (YYYY-MM), written as literals; grouping happens outside, on the column.
  const month = sql<string>`case ${sql.join(months.map((m) => sql`when donations.created_at >= ${m.start} then ${sql.lit(m.month)}`), sql` `)} end`;
  const gifts = confirmed.select([month.as('month'), 'donations.currency as currency', 'donations.amount_minor as amount']).as('gifts');
  const rows = await db.selectFrom(gifts)
    .select(['gifts.month', 'gifts.currency', sql<string | number>`sum(gifts.amount)`.as('total'), sql<string | number>`count(*)`.as('n')])
    .groupBy(['gifts.month', 'gifts.currency']).orderBy('gifts.month', 'desc').orderBy('gifts.currency')
    .execute();
  return rows.map((r) => ({ month: r.month, currency: r.currency, totalMinor: Number(r.total), count: Number(r.n) }));
}

const CSV_HEADER = [
  'id', 'date', 'amount', 'currency', 'kind', 'source', 'status', 'public name', 'email', 'drive', 'note',
  'stripe customer', 'stripe subscription', 'stripe payment intent', 'stripe invoice', 'subscription ended',
];

/** The filtered ledger as CSV (every matching row, newest first), safe to open in a spreadsheet. */
export async function ledgerCsv(db: Kysely<DB>, filter: LedgerFilter, timeZone: string): Promise<string> {
  const rows = await listLedger(db, filter, { limit: 1_000_000 }, timeZone);
  return toCsv(CSV_HEADER, rows.map((r) => [
    r.id, r.createdAt, minorToDecimal(r.amountMinor, r.currency), r.currency, r.kind, r.source, r.status, r.displayName, r.email,
    r.driveTitle, r.note, r.stripeCustomerId, r.stripeSubscriptionId, r.stripePaymentIntentId, r.stripeInvoiceId, r.cancelledAt,
  ]));
}
