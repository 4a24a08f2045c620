import type { AppContext } from '../src/context.js';
import { listAudit } from '../src/features/audit/index.js';
import type { Role } from '../src/storage/schema.js';
import type { DialectName } from '../src/storage/db.js';
import { givenUser, TestBrowser } from './admin.js';
import { givenAuthor, givenCategory, givenPage, givenPost } from './fixtures.js';
import { buildTestApp, type TestApp } from './helpers.js';

/** The app on a fresh database with a user of `role` signed in, for the admin screens' tests. */
export async function signedIn(dialect: DialectName, role: Role = 'admin'): Promise<{ t: TestApp; browser: TestBrowser; userId: number }> {
  const t = await buildTestApp(dialect);
  const userId = await givenUser(t.ctx, role);
  const browser = new TestBrowser(t.app);
  await browser.signIn(`${role}@lantern.example`);
  return { t, browser, userId };
}

/** The audit entries after sign-in, oldest first, as `action subject details`. */
export async function auditTrail(t: TestApp): Promise<{ action: string; subject: string; actor: string; details: Record<string, unknown> }[]> {
  const rows = await listAudit(t.ctx.database.db, { limit: 1000 });
  return rows
    .filter((r) => r.action !== 'user.sign_in')
    .reverse()
    .map((r) => ({ action: r.action, subject: r.subject, actor: r.actor, details: r.details }));
}

/** Ids of one thing of each kind the site screens manage, for tests that visit every route. */
export interface ManagedThings {
  page: number;
  category: number;
  otherCategory: number;
  tag: number;
  otherTag: number;
  author: number;
  otherAuthor: number;
  user: number;
}

/** A page, two categories, two tags, two authors with a post, and a user, made through the services. */
export async function givenThingsToManage(ctx: AppContext): Promise<ManagedThings> {
  const author = await givenAuthor(ctx, 'Anna Keller');
  const otherAuthor = await givenAuthor(ctx, 'Ben Okafor');
  const category = await givenCategory(ctx, 'news');
  const otherCategory = await givenCategory(ctx, 'politics');
  await givenPost(ctx, { authorIds: [author, otherAuthor], categoryIds: [category], tagNames: ['Trams', 'Budget'] });
  const tagId = async (slug: string) => (await ctx.database.db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  return {
    page: await givenPage(ctx, 'about', 'About us'),
    category,
    otherCategory,
    tag: await tagId('trams'),
    otherTag: await tagId('budget'),
    author,
    otherAuthor,
    user: await givenUser(ctx, 'contributor', 'someone@lantern.example', 'Some One'),
  };
}
