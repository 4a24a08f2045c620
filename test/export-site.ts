import type { Kysely } from 'kysely';
import { commentSecret } from '../src/features/comments/index.js';
import { seedDemo } from '../src/features/demo/index.js';
import { recordAudit } from '../src/features/audit/index.js';
import { addRedirect } from '../src/features/redirects/index.js';
import type { Clock } from '../src/lib/clock.js';
import type { DB } from '../src/storage/schema.js';
import { givenPost } from './fixtures.js';
import { givenUser } from './admin.js';
import type { AppContext } from '../src/context.js';

/**
 * A site with a row of every kind an export carries: the demo newsroom (two languages,
 * translations, pages, category hierarchy) plus users with and without two-factor sign-in,
 * drafts, a scheduled and a trashed post, revisions, threaded comments in every state (one
 * whose parent has a larger id), blocks, redirects, audit entries and the comment secret.
 */
export async function givenEverySortOfRow(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const deps = { db, clock: ctx.clock };
  await seedDemo(deps, { baseUrl: 'http://127.0.0.1:3000' });
  const admin = await givenUser(ctx, 'admin');
  const editor = await givenUser(ctx, 'editor', 'second-editor@lantern.example', 'Ёлка Редакторова');
  await db.updateTable('users').set({ totp_secret: 'JBSWY3DPEHPK3PXP' }).where('id', '=', admin).execute();
  await db.updateTable('users').set({ disabled_at: '2026-06-01T00:00:00.000Z' }).where('id', '=', editor).execute();
  const author = (await db.selectFrom('authors').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  await db.updateTable('users').set({ author_id: author }).where('id', '=', admin).execute();

  const child = await insertCategory(db, 'zz-child', null, ctx.clock);
  const parent = await insertCategory(db, 'zz-parent', null, ctx.clock);
  await db.updateTable('categories').set({ parent_id: parent }).where('id', '=', child).execute();

  const draft = await givenPost(ctx, { title: 'Черновик: 日本語の見出し ✓', status: 'draft', publishedAt: undefined, authorIds: [author], tagNames: ['ζ-tag', 'plain'] });
  await givenPost(ctx, { title: 'Scheduled for later', status: 'scheduled', publishedAt: '2027-03-01T09:00:00Z', authorIds: [author], categoryIds: [child] });
  const trashed = await givenPost(ctx, { title: 'In the trash', authorIds: [author], sticky: true });
  await db.updateTable('posts').set({ deleted_at: '2026-06-02T00:00:00.000Z', created_by: admin }).where('id', '=', trashed).execute();
  for (const [i, kind] of (['save', 'save', 'autosave'] as const).entries()) {
    await db.insertInto('post_revisions').values({
      post_id: draft, user_id: i ? admin : null, created_at: `2026-06-0${i + 1}T10:00:00.000Z`, title: `Version ${i}`,
      snapshot: JSON.stringify({ title: `Version ${i}`, body: 'Тело "в кавычках" ]]> и <тег>' }), kind,
    }).execute();
  }

  const post = (await db.selectFrom('posts').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow()).id;
  const comment = (values: Partial<Parameters<typeof insertComment>[1]>) => insertComment(db, { post_id: post, ...values });
  const late = await comment({ body: 'Я отвечаю на комментарий с большим номером', status: 'approved' });
  const top = await comment({ body: 'Top-level, approved 👍', status: 'approved', ip: '203.0.113.9', notify_replies: 1 });
  await db.updateTable('comments').set({ parent_id: top, depth: 2 }).where('id', '=', late).execute();
  const reply = await comment({ parent_id: top, depth: 2, body: 'A reply', status: 'approved', user_id: admin });
  await comment({ parent_id: reply, depth: 3, body: 'A reply to the reply', status: 'pending' });
  await comment({ body: 'Buy cheap ]]> pills', status: 'spam', spam_reason: 'blocked word' });
  await comment({ body: 'Thrown away', status: 'trash' });
  await db.insertInto('comment_blocks').values({ kind: 'word', value: 'pills', note: 'spam wave', created_at: '2026-06-03T00:00:00.000Z' }).execute();
  await db.insertInto('comment_blocks').values({ kind: 'email', value: '@spam.example', created_at: '2026-06-03T00:00:00.000Z' }).execute();
  await addRedirect(db, '/2019/01/old-slug/', '/2026/01/article-number-1/', '2026-06-04T00:00:00.000Z');
  await addRedirect(db, '/старое/', '/about/', '2026-06-04T00:00:00.000Z');
  await recordAudit(db, { action: 'post.publish', subject: `post:${post}`, userId: admin, actor: 'admin@lantern.example', details: { title: 'x' } }, ctx.clock.now());
  await commentSecret(db);
  const funding = JSON.stringify({ currencies: ['EUR'], presets: [5], minimum: 1, stripeSecretKey: 'sk_test_SECRET', stripeWebhookSecret: 'whsec_SECRET', bankDetails: 'IBAN' });
  await db.insertInto('settings').values({ key: 'funding', value: funding }).onConflict((oc) => oc.column('key').doUpdateSet({ value: funding })).execute();

  const drive = await db.insertInto('donation_drives').values({
    slug: 'winter', title: 'Зимний сбор', description: 'Keep **us** going', description_html: '<p>Keep <strong>us</strong> going</p>',
    target_minor: 500000, currency: 'EUR', starts_at: '2026-06-01T00:00:00.000Z', ends_at: null,
    created_at: '2026-06-01T00:00:00.000Z', updated_at: '2026-06-01T00:00:00.000Z',
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('donations').values([
    { amount_minor: 2500, currency: 'EUR', kind: 'one-off', source: 'stripe', status: 'confirmed', display_name: 'Аня', donor_email: 'anya@example.org',
      drive_id: drive.id, stripe_checkout_session_id: 'cs_1', stripe_payment_intent_id: 'pi_1', note: '', created_at: '2026-06-05T00:00:00.000Z', confirmed_at: '2026-06-05T00:01:00.000Z' },
    { amount_minor: 1000, currency: 'EUR', kind: 'monthly', source: 'manual', status: 'pending', display_name: null, donor_email: '',
      drive_id: null, note: 'cheque', created_at: '2026-06-06T00:00:00.000Z' },
  ] as never).execute();
  const appeal = await db.insertInto('appeals').values({
    title: 'Поддержите нас', language: 'ru', body: 'Help', body_html: '<p>Help</p>', buttons: '[{"kind":"link","label":"Give","url":"/give/"}]',
    bank_holder: 'The Lantern', bank_iban: 'BE68539007547034', bank_bic: 'GKCCBEBB', bank_reference: 'LANTERN', drive_id: drive.id,
    in_article: 1, in_sidebar: 0, on_home: 1, languages: 'ru,en', only_categories: 1, starts_at: '2026-06-01T00:00:00.000Z', ends_at: null,
    enabled: 1, position: 0, created_at: '2026-06-01T00:00:00.000Z', updated_at: '2026-06-01T00:00:00.000Z',
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('appeal_categories').values({ appeal_id: appeal.id, category_id: child }).execute();
  await db.insertInto('stripe_events').values([
    { id: 'evt_b', type: 'checkout.session.completed', processed_at: '2026-06-05T00:01:00.000Z' },
    { id: 'evt_a', type: 'invoice.paid', processed_at: '2026-06-05T00:02:00.000Z' },
  ]).execute();
  await db.insertInto('media').values({
    url: '/media/2026/06/фото.jpg', file_path: 'media/2026/06/фото.jpg', mime_type: 'image/jpeg', title: 'Фото', alt: 'A photo',
    caption: '', parent_post_id: post, width: 800, height: 600, created_at: '2026-06-07T00:00:00.000Z',
  } as never).execute();
  await db.insertInto('import_map').values([
    { source: 'wordpress:https://old.example', kind: 'post', source_id: '42', local_id: post, created_at: '2026-06-07T00:00:00.000Z' },
    { source: 'wordpress:https://old.example', kind: 'comment', source_id: '7', local_id: top, created_at: '2026-06-07T00:00:00.000Z' },
  ]).execute();
}

async function insertCategory(db: Kysely<DB>, slug: string, parent: number | null, clock: Clock): Promise<number> {
  const row = await db
    .insertInto('categories')
    .values({ slug, name: slug, description: `Рубрика ${slug}`, parent_id: parent, created_at: clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let commentCount = 0;

async function insertComment(
  db: Kysely<DB>,
  values: { post_id: number; body?: string; status?: 'pending' | 'approved' | 'spam' | 'trash'; parent_id?: number; depth?: number } & Record<string, unknown>,
): Promise<number> {
  commentCount++;
  const row = await db
    .insertInto('comments')
    .values({
      author_name: `Читатель ${commentCount}`,
      author_email: `reader${commentCount}@example.org`,
      author_url: commentCount % 2 ? 'https://reader.example/' : '',
      body: 'A comment',
      status: 'approved',
      created_at: `2026-06-10T10:${String(commentCount % 60).padStart(2, '0')}:00.000Z`,
      ip_hash: `hash${commentCount}`,
      ...values,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
