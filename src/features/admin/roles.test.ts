import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenUser, TestBrowser } from '../../../test/admin.js';
import { DIALECTS, type TestApp, buildTestApp } from '../../../test/helpers.js';
import { givenThingsToManage, type ManagedThings } from '../../../test/site-admin.js';
import type { Role } from '../../storage/schema.js';

/**
 * The role matrix: every admin route, and the roles that may use it. Every other role must be
 * refused with 403, whatever it sends; the roles that may use a page get it (200). One line per
 * route: when a screen adds a route, it adds its line here. `:thing` placeholders are filled with
 * the ids of things made by givenThingsToManage.
 */
const EVERYONE: Role[] = ['contributor', 'author', 'editor', 'admin'];
const EDITORS: Role[] = ['editor', 'admin'];
const ADMINS: Role[] = ['admin'];

type Route = { method: 'GET' | 'POST'; url: string; allowed: Role[] };

const ROUTES: Route[] = [
  // The post editor (src/features/admin/posts): every role writes posts of its own.
  { method: 'GET', url: '/admin/posts', allowed: EVERYONE },
  { method: 'GET', url: '/admin/posts/new', allowed: EVERYONE },
  // One's own account (src/features/admin/account)
  { method: 'GET', url: '/admin/account', allowed: EVERYONE },
  // The comments desk (src/features/admin/comments)
  { method: 'GET', url: '/admin/comments', allowed: EDITORS },
  { method: 'GET', url: '/admin/comments/blocks', allowed: EDITORS },
  { method: 'GET', url: '/admin/comments/settings', allowed: ADMINS },
  { method: 'POST', url: '/admin/comments/settings', allowed: ADMINS },
  // Pages
  { method: 'GET', url: '/admin/pages', allowed: EDITORS },
  { method: 'GET', url: '/admin/pages/new', allowed: EDITORS },
  { method: 'POST', url: '/admin/pages/new', allowed: EDITORS },
  { method: 'GET', url: '/admin/pages/:page', allowed: EDITORS },
  { method: 'POST', url: '/admin/pages/:page', allowed: EDITORS },
  { method: 'GET', url: '/admin/pages/:page/delete', allowed: EDITORS },
  { method: 'POST', url: '/admin/pages/:page/delete', allowed: EDITORS },
  // Categories
  { method: 'GET', url: '/admin/categories', allowed: EDITORS },
  { method: 'GET', url: '/admin/categories/new', allowed: EDITORS },
  { method: 'POST', url: '/admin/categories/new', allowed: EDITORS },
  { method: 'GET', url: '/admin/categories/:category', allowed: EDITORS },
  { method: 'POST', url: '/admin/categories/:category', allowed: EDITORS },
  { method: 'GET', url: '/admin/categories/:category/delete', allowed: EDITORS },
  { method: 'POST', url: '/admin/categories/:category/delete', allowed: EDITORS },
  // Tags
  { method: 'GET', url: '/admin/tags', allowed: EDITORS },
  { method: 'GET', url: '/admin/tags/new', allowed: EDITORS },
  { method: 'POST', url: '/admin/tags/new', allowed: EDITORS },
  { method: 'GET', url: '/admin/tags/merge', allowed: EDITORS },
  { method: 'POST', url: '/admin/tags/merge', allowed: EDITORS },
  { method: 'GET', url: '/admin/tags/:tag', allowed: EDITORS },
  { method: 'POST', url: '/admin/tags/:tag', allowed: EDITORS },
  { method: 'GET', url: '/admin/tags/:tag/delete', allowed: EDITORS },
  { method: 'POST', url: '/admin/tags/:tag/delete', allowed: EDITORS },
  // Authors
  { method: 'GET', url: '/admin/authors', allowed: EDITORS },
  { method: 'GET', url: '/admin/authors/new', allowed: EDITORS },
  { method: 'POST', url: '/admin/authors/new', allowed: EDITORS },
  { method: 'GET', url: '/admin/authors/:author', allowed: EDITORS },
  { method: 'POST', url: '/admin/authors/:author', allowed: EDITORS },
  { method: 'GET', url: '/admin/authors/:author/delete', allowed: EDITORS },
  { method: 'POST', url: '/admin/authors/:author/delete', allowed: EDITORS },
  // Users
  { method: 'GET', url: '/admin/users', allowed: ADMINS },
  { method: 'GET', url: '/admin/users/new', allowed: ADMINS },
  { method: 'POST', url: '/admin/users/new', allowed: ADMINS },
  { method: 'GET', url: '/admin/users/:user', allowed: ADMINS },
  { method: 'POST', url: '/admin/users/:user/role', allowed: ADMINS },
  { method: 'POST', url: '/admin/users/:user/author', allowed: ADMINS },
  { method: 'POST', url: '/admin/users/:user/disable', allowed: ADMINS },
  { method: 'POST', url: '/admin/users/:user/enable', allowed: ADMINS },
  // Settings and the audit log
  { method: 'GET', url: '/admin/settings', allowed: ADMINS },
  { method: 'POST', url: '/admin/settings', allowed: ADMINS },
  { method: 'GET', url: '/admin/audit', allowed: ADMINS },
  // Donation appeals (src/features/admin/appeals)
  { method: 'GET', url: '/admin/appeals', allowed: ADMINS },
  { method: 'GET', url: '/admin/appeals/new', allowed: ADMINS },
  { method: 'POST', url: '/admin/appeals/new', allowed: ADMINS },
  // Funding: the donations ledger, manual gifts, drives, Stripe keys (src/features/admin/funding)
  { method: 'GET', url: '/admin/funding', allowed: ADMINS },
  { method: 'GET', url: '/admin/funding/donations.csv', allowed: ADMINS },
  { method: 'GET', url: '/admin/funding/manual', allowed: ADMINS },
  { method: 'POST', url: '/admin/funding/manual', allowed: ADMINS },
  { method: 'GET', url: '/admin/funding/drives', allowed: ADMINS },
  { method: 'GET', url: '/admin/funding/drives/new', allowed: ADMINS },
  { method: 'POST', url: '/admin/funding/drives/new', allowed: ADMINS },
  { method: 'GET', url: '/admin/funding/settings', allowed: ADMINS },
  { method: 'POST', url: '/admin/funding/settings', allowed: ADMINS },
  // Importing a WordPress export (src/features/admin/import)
  { method: 'GET', url: '/admin/import', allowed: ADMINS },
];

/** A form that would succeed for a role allowed to send it: refusal must come from the role alone. */
function formFor(url: string, things: ManagedThings): Record<string, string | string[]> {
  if (url.endsWith('/role')) return { role: 'admin' };
  if (url.endsWith('/author')) return { authorId: String(things.author) };
  if (url.includes('/categories/') && url.endsWith('/delete')) return { posts: 'move', to: String(things.otherCategory) };
  if (url.includes('/authors/') && url.endsWith('/delete')) return { posts: 'reassign', to: String(things.otherAuthor) };
  if (url === '/admin/tags/merge') return { 'sourceIds[]': [String(things.otherTag)], targetId: String(things.tag) };
  if (url === '/admin/comments/settings') {
    return { threadDepth: '1', commentsPerPage: '5', autoApproveKnown: 'no', minSubmitSeconds: '0', maxLinks: '0', commentMaxLength: '100', perIpPerHour: '1', perEmailPerHour: '1', closeCommentsAfterDays: '1', ipRetentionDays: '1', honeypot: 'no', refuseDuplicates: 'no' };
  }
  if (url === '/admin/settings') return { title: 'Taken over', tagline: '', baseUrl: 'https://evil.example', defaultLanguage: 'en', timeZone: 'UTC', firstDayOfWeek: '1', postsPerPage: '10', feedContent: 'full', feedItems: '20' };
  return { title: 'Taken over', name: 'Taken over', slug: 'taken-over', body: '', language: 'en', status: 'published', email: 'new@lantern.example', password: 'correct horse battery', role: 'admin' };
}

describe.each(DIALECTS)('what each role may do in the admin on %s', (dialect) => {
  let t: TestApp;
  let things: ManagedThings;
  const browsers = new Map<Role, TestBrowser>();
  const fill = (url: string) => url.replace(/:(\w+)/g, (_, name: keyof ManagedThings) => String(things[name]));

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    things = await givenThingsToManage(t.ctx);
    for (const role of EVERYONE) {
      await givenUser(t.ctx, role);
      const browser = new TestBrowser(t.app);
      await browser.signIn(`${role}@lantern.example`);
      browsers.set(role, browser);
    }
  });
  afterAll(async () => t.close());

  it.each(EVERYONE)('refuses a signed-in %s, with 403, every admin route the role may not use, and changes nothing', async (role) => {
    const browser = browsers.get(role)!;
    const before = await snapshot(t);
    const wrong: string[] = [];
    for (const route of ROUTES.filter((r) => !r.allowed.includes(role))) {
      const url = fill(route.url);
      const res = route.method === 'GET' ? await browser.get(url) : await browser.post(url, formFor(route.url, things));
      if (res.statusCode !== 403) wrong.push(`${route.method} ${route.url} answered ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });

  it.each(EVERYONE)('opens every admin page a signed-in %s may use', async (role) => {
    const browser = browsers.get(role)!;
    const wrong: string[] = [];
    for (const route of ROUTES.filter((r) => r.method === 'GET' && r.allowed.includes(role))) {
      const res = await browser.get(fill(route.url));
      if (res.statusCode !== 200) wrong.push(`GET ${route.url} answered ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses with 403 a forged POST to every admin form, even from an admin: no token, a wrong one, or another site', async () => {
    const admin = browsers.get('admin')!;
    const before = await snapshot(t);
    const wrong: string[] = [];
    for (const route of ROUTES.filter((r) => r.method === 'POST')) {
      const url = fill(route.url);
      const form = new URLSearchParams(Object.entries(formFor(route.url, things)).flatMap(([k, v]) => [v].flat().map((x) => [k, x])));
      const send = (extra: Record<string, string>, headers: Record<string, string> = {}) =>
        t.app.inject({
          method: 'POST', url, payload: new URLSearchParams([...form, ...Object.entries(extra)]).toString(),
          headers: { cookie: admin.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        });
      const attempts = {
        'no token': await send({}),
        'a wrong token': await send({ _csrf: 'forged-token-0123456789abcdef' }),
        'another site': await send({ _csrf: admin.csrf }, { origin: 'https://evil.example' }),
      };
      for (const [how, res] of Object.entries(attempts)) if (res.statusCode !== 403) wrong.push(`${route.url} with ${how} answered ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('shows each role only the sections it may use', async () => {
    const nav = async (role: Role) => [...(await browsers.get(role)!.get('/admin/')).body.matchAll(/<li><a href="(\/admin\/[a-z]+)"/g)].map((m) => m[1]);
    expect(await nav('contributor')).not.toContain('/admin/pages');
    expect(await nav('editor')).toEqual(expect.arrayContaining(['/admin/pages', '/admin/categories', '/admin/tags', '/admin/authors']));
    expect(await nav('editor')).not.toContain('/admin/users');
    expect(await nav('admin')).toEqual(expect.arrayContaining(['/admin/users', '/admin/settings', '/admin/audit', '/admin/import']));
    expect(await nav('editor')).not.toContain('/admin/import');
  });
});

/** What the refused requests must not have touched. */
async function snapshot(t: TestApp) {
  const db = t.ctx.database.db;
  return {
    pages: await db.selectFrom('pages').selectAll().orderBy('id').execute(),
    categories: await db.selectFrom('categories').selectAll().orderBy('id').execute(),
    tags: await db.selectFrom('tags').selectAll().orderBy('id').execute(),
    authors: await db.selectFrom('authors').selectAll().orderBy('id').execute(),
    users: await db.selectFrom('users').select(['id', 'email', 'role', 'author_id', 'disabled_at']).orderBy('id').execute(),
    settings: await db.selectFrom('settings').selectAll().orderBy('key').execute(),
    redirects: await db.selectFrom('redirects').select(['from_path', 'to_path']).orderBy('from_path').execute(),
    postTags: await db.selectFrom('post_tags').selectAll().orderBy('post_id').orderBy('tag_id').execute(),
    audit: (await db.selectFrom('audit_log').select('action').where('action', '!=', 'user.sign_in').execute()).length,
  };
}
