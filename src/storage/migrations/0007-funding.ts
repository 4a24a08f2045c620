import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * Reader funding (features/funding): fundraising drives, donations and the Stripe webhook
 * events already processed.
 *
 * Money is integer minor units (`amount_minor`, `target_minor`) beside an ISO 4217 code.
 * `donor_email` is private: no public query selects it. A donation's Stripe ids are unique
 * where Stripe's are (an invoice is one monthly payment), so a webhook delivered twice can
 * never write two rows for one payment.
 */
export function funding(d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await d
        .addIdColumn(db.schema.createTable('donation_drives'))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('target_minor', 'integer', (c) => c.notNull().check(sql`target_minor > 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await d
        .addIdColumn(db.schema.createTable('donations'))
        .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('one-off', 'monthly')`))
        .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('stripe', 'manual')`))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'confirmed', 'refunded', 'cancelled')`))
        .addColumn('display_name', 'text')
        .addColumn('donor_email', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('drive_id', 'integer', (c) => c.references('donation_drives.id').onDelete('set null'))
        .addColumn('stripe_checkout_session_id', 'text', (c) => c.unique())
        .addColumn('stripe_payment_intent_id', 'text')
        .addColumn('stripe_subscription_id', 'text')
        .addColumn('stripe_customer_id', 'text')
        .addColumn('stripe_invoice_id', 'text', (c) => c.unique())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('refunded_at', 'text')
        .addColumn('cancelled_at', 'text')
        .execute();
      await db.schema.createIndex('donations_drive_status').on('donations').columns(['drive_id', 'status', 'currency']).execute();
      await db.schema.createIndex('donations_status_created').on('donations').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('donations_created').on('donations').column('created_at').execute();
      await db.schema.createIndex('donations_payment_intent').on('donations').column('stripe_payment_intent_id').execute();
      await db.schema.createIndex('donations_subscription').on('donations').column('stripe_subscription_id').execute();
      await db.schema.createIndex('donations_customer').on('donations').column('stripe_customer_id').execute();
      await db.schema.createIndex('donations_email').on('donations').column('donor_email').execute();

      await db.schema
        .createTable('stripe_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('processed_at', 'text', (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('stripe_events').execute();
      await db.schema.dropTable('donations').execute();
      await db.schema.dropTable('donation_drives').execute();
    },
  };
}
