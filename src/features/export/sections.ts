import { z } from 'zod';
import { flag, id, int, maybeTime, ref, text, time } from './columns.js';
import type { Section } from './section.js';

/**
 * Settings that are secrets: the comment secret keys IP hashes and unsubscribe links; the
 * funding secret signs the mailed links to Stripe's customer portal (features/funding/portal.ts).
 */
const SECRET_SETTINGS = new Set(['comments.secret', 'funding.secret']);
/** Secret members of JSON settings rows: the Stripe keys in `funding` (features/funding/settings.ts). */
const SECRET_MEMBERS: Readonly<Record<string, readonly string[]>> = { funding: ['stripeSecretKey', 'stripeWebhookSecret'] };

/** A settings row without its secrets: null for a secret setting, secret members of a JSON value blanked. */
function settingWithoutSecrets(row: Record<string, unknown>): Record<string, unknown> | null {
  const key = String(row.key);
  if (SECRET_SETTINGS.has(key)) return null;
  const members = SECRET_MEMBERS[key];
  if (!members) return row;
  try {
    const value = JSON.parse(String(row.value)) as Record<string, unknown>;
    for (const member of members) if (typeof value[member] === 'string') value[member] = '';
    return { ...row, value: JSON.stringify(value) };
  } catch {
    return null; // unreadable: it may hold a secret, so it stays behind
  }
}

/** A password hash no password matches: a user imported without secrets resets theirs. */
export const NO_PASSWORD = '!exported-without-secrets';

const s = (name: string, row: z.ZodRawShape, rest: Omit<Section, 'name' | 'row' | 'hasId'> = { key: ['id'] }): Section => ({
  name,
  row: z.strictObject(row),
  hasId: 'id' in row && !rest.sortInMemory,
  ...rest,
});

/**
 * Every exported table in the order an import writes them (parents before children). The
 * tables not here are listed in `NOT_EXPORTED` with the reason; a test fails for a table in
 * neither list, so a new table cannot be forgotten.
 */
export const SECTIONS: readonly Section[] = [
  s('settings', { key: text, value: text }, {
    key: ['key'], sortInMemory: true, withoutSecrets: settingWithoutSecrets,
  }),
  s('authors', { id, slug: text, name: text, bio: text, created_at: time, updated_at: time }),
  s('users', {
    id, email: text, name: text, role: z.enum(['admin', 'editor', 'author', 'contributor']),
    password_hash: text.optional(), author_id: ref, created_at: time, updated_at: time,
    totp_secret: text.nullable().optional(), disabled_at: maybeTime, password_changed_at: maybeTime,
  }, { key: ['id'], secretColumns: { password_hash: NO_PASSWORD, totp_secret: null } }),
  s('categories', {
    id, slug: text, name: text, description: text, parent_id: ref, created_at: time,
  }, { key: ['id'], selfRef: 'parent_id' }),
  s('tags', { id, slug: text, name: text, created_at: time }),
  s('posts', {
    id, guid: text, slug: text, title: text, standfirst: text, body_md: text, body_html: text,
    postscript_md: text, postscript_html: text, status: z.enum(['draft', 'scheduled', 'published']),
    published_at: maybeTime, local_year: int.nullable(), local_month: int.nullable(), local_day: int.nullable(),
    language: text, translation_group: text.nullable(), comment_status: z.enum(['open', 'closed']),
    featured_image_url: text, featured_image_alt: text, featured_image_caption: text, sticky: flag,
    created_at: time, updated_at: time, deleted_at: maybeTime, created_by: ref, review_requested_at: maybeTime,
  }),
  s('post_authors', { post_id: id, author_id: id, position: int }, { key: ['post_id', 'author_id'] }),
  s('post_categories', { post_id: id, category_id: id }, { key: ['post_id', 'category_id'] }),
  s('post_tags', { post_id: id, tag_id: id }, { key: ['post_id', 'tag_id'] }),
  s('post_revisions', {
    id, post_id: id, user_id: ref, created_at: time, title: text, snapshot: text,
    kind: z.enum(['save', 'restore', 'autosave']),
  }),
  s('pages', {
    id, slug: text, title: text, body_md: text, body_html: text, status: z.enum(['draft', 'published']),
    language: text, created_at: time, updated_at: time,
  }),
  s('comments', {
    id, post_id: id, parent_id: ref, depth: int, user_id: ref, author_name: text, author_email: text,
    author_url: text, body: text, status: z.enum(['pending', 'approved', 'spam', 'trash']), spam_reason: text,
    created_at: time, approved_at: maybeTime, edited_at: maybeTime, ip_hash: text, ip: text.nullable(),
    user_agent: text, notify_replies: flag, notify_token_hash: text.nullable(), notify_confirmed_at: maybeTime,
    // Migration 0008: pingbacks and trackbacks imported from WordPress; absent in older files.
    kind: z.enum(['comment', 'pingback', 'trackback']).optional(),
    // Migration 0015: the duplicate check's hash of the text; absent in older files (null: compared by text).
    body_hash: int.nullable().optional(),
  }, { key: ['id'], selfRef: 'parent_id' }),
  s('comment_blocks', { id, kind: z.enum(['word', 'email', 'ip']), value: text, note: text, created_at: time }),
  s('redirects', { id, from_path: text, to_path: text, status_code: int, created_at: time }),
  s('donation_drives', {
    id, slug: text, title: text, description: text, description_html: text, target_minor: int, currency: text,
    starts_at: time, ends_at: maybeTime, created_at: time, updated_at: time,
  }),
  s('donations', {
    id, amount_minor: int, currency: text, kind: z.enum(['one-off', 'monthly']), source: z.enum(['stripe', 'manual']),
    status: z.enum(['pending', 'confirmed', 'refunded', 'cancelled']), display_name: text.nullable(), donor_email: text,
    drive_id: ref, stripe_checkout_session_id: text.nullable(), stripe_payment_intent_id: text.nullable(),
    stripe_subscription_id: text.nullable(), stripe_customer_id: text.nullable(), stripe_invoice_id: text.nullable(),
    note: text, created_at: time, confirmed_at: maybeTime, refunded_at: maybeTime, cancelled_at: maybeTime,
  }),
  // Kept so that Stripe redelivering an event to the new server does not count a gift twice.
  s('stripe_events', { id: text, type: text, processed_at: time }, { key: ['id'], sortInMemory: true }),
  s('appeals', {
    id, title: text, language: text, body: text, body_html: text, buttons: text, bank_holder: text, bank_iban: text,
    bank_bic: text, bank_reference: text, drive_id: ref, in_article: flag, in_sidebar: flag, on_home: flag, languages: text,
    only_categories: flag, starts_at: maybeTime, ends_at: maybeTime, enabled: flag, position: int, created_at: time, updated_at: time,
  }),
  s('appeal_categories', { appeal_id: id, category_id: id }, { key: ['appeal_id', 'category_id'] }),
  s('media', {
    id, url: text, file_path: text.nullable(), mime_type: text, title: text, alt: text, caption: text,
    parent_post_id: ref, width: int.nullable(), height: int.nullable(), created_at: time,
  }),
  // Kept so that importing the same WordPress file again on the new server adds nothing.
  s('import_map', { source: text, kind: text, source_id: text, local_id: int, created_at: time }, {
    key: ['source', 'kind', 'source_id'], sortInMemory: true,
  }),
  s('audit_log', {
    id, at: time, user_id: ref, actor: text, action: text, subject: text, details: text,
  }, { key: ['id'], only: 'audit_log' }),
];

/** Tables an export leaves out, and why. */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  sessions: 'sign-ins belong to one server; everyone signs in again',
  password_resets: 'one-time links expire within hours',
  rate_limits: 'counters of the last minutes',
  jobs: 'scheduled work is recreated by the new server (sweeps, publishing)',
  outbox: 'mail already sent or about to be; sending it again from another server would repeat it',
  import_runs: 'uploads to the admin import page of this server; the uploaded files stay on its disk',
  kysely_migration: 'bookkeeping of the migrations, which the new site applies itself',
  kysely_migration_lock: 'bookkeeping of the migrations',
  archive_months: 'monthly post counts, derived from the posts; the import counts the imported posts afresh',
  term_counts: 'post counts of category, tag and author pages, derived from the posts; the import counts the imported posts afresh',
};

/** The section of a name, or undefined. */
export function findSection(name: string): Section | undefined {
  return SECTIONS.find((section) => section.name === name);
}
