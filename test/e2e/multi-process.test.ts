import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { systemClock } from '../../src/lib/clock.js';
import { givenUser, PASSWORD } from '../admin.js';
import { givenPost, givenSettings } from '../fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers.js';
import { formValues, HttpBrowser } from './http-browser.js';
import { type BroadsideProcess, databaseUrlFor, startBroadside } from './processes.js';

/**
 * Two `broadside serve` processes on one PostgreSQL database, as two hosts behind a load
 * balancer would be: real processes, real HTTP, the page cache on, each with its own background
 * worker. PostgreSQL only: several processes on SQLite are refused (see src/cluster/).
 */
describe('two app processes on one PostgreSQL database', () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let a: BroadsideProcess;
  let b: BroadsideProcess;

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    const config = loadConfig({}, { dataDir: t.dataDir, logLevel: 'silent' });
    ctx = { config, database: t.database, clock: systemClock, log: pino({ level: 'silent' }) };
    await givenSettings(ctx, { title: 'The Lantern' });
    await givenUser(ctx, 'admin', 'ed@lantern.example', 'Ed Itor');
    await givenPost(ctx, { title: 'Already out', publishedAt: '2026-01-15T10:00:00Z' });
    // debug: each sweep logs what it did, so the test can tell which process published what.
    const env = { DATABASE_URL: databaseUrlFor(t.schema!), BROADSIDE_DATA: t.dataDir, PAGE_CACHE: 'on', LOG_LEVEL: 'debug' };
    [a, b] = await Promise.all([startBroadside(['serve'], env), startBroadside(['serve'], env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t?.drop();
  });

  it('shows a settings change made through one process on the next page the other serves', async () => {
    const editor = new HttpBrowser(a.url);
    await editor.signIn('ed@lantern.example', PASSWORD);
    const reader = new HttpBrowser(b.url);
    expect((await reader.get('/')).body).toContain('<title>The Lantern');
    expect((await reader.get('/')).body).toContain('<title>The Lantern');
    const form = formValues((await editor.get('/admin/settings')).body, '/admin/settings');
    expect(form.title).toBe('The Lantern');
    const saved = await editor.post('/admin/settings', { ...form, title: 'The Night Lantern' });
    expect(saved.status).toBe(303);
    // The change reaches the other process as a NOTIFY on its own connection, which may be read
    // a moment after a request that arrives at the same time: allow it up to two seconds on a busy machine (it takes milliseconds).
    const deadline = Date.now() + 2_000;
    let home = await reader.get('/');
    while (!home.body.includes('<title>The Night Lantern') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      home = await reader.get('/');
    }
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>The Night Lantern');
  });

  it('keeps an editor signed in whichever process serves them, and signing out through one ends it on both', async () => {
    const editor = new HttpBrowser(a.url);
    await editor.signIn('ed@lantern.example', PASSWORD);
    const onB = await editor.get('/admin/posts', b.url);
    expect(onB.status).toBe(200);
    expect(onB.body).toContain('Ed Itor');
    const signOut = await editor.post('/admin/sign-out', {}, b.url);
    expect(signOut.status).toBe(303);
    const back = await editor.get('/admin/posts', a.url);
    expect(back.status).not.toBe(200);
    expect(back.body).not.toContain('Ed Itor');
  });

  it('publishes each scheduled post exactly once when both processes run the background worker', async () => {
    const dueAt = new Date(Date.now() + 1500).toISOString();
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await givenPost(ctx, { title: `Scheduled ${i}`, status: 'scheduled', publishedAt: dueAt }));
    const db = t.database.db;
    const published = async () =>
      (await db.selectFrom('posts').select('id').where('id', 'in', ids).where('status', '=', 'published').execute()).length;
    const deadline = Date.now() + 40_000;
    while ((await published()) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await published()).toBe(ids.length);

    const audit = await db.selectFrom('audit_log').select('subject').where('action', '=', 'post.publish').where('actor', '=', 'scheduler').execute();
    expect(audit.map((r) => r.subject).sort()).toEqual(ids.map((id) => `post:${id}`).sort());
    // Which process published each post, from the sweeps' own log lines: every post by one only.
    // The lines come over the children's stdout pipes, which can trail the database on a busy machine.
    const logged = () =>
      [a, b].flatMap((p) => p.logs().filter((l) => l.sweep === 'publish-due-posts').flatMap((l) => l.result as number[]));
    const logDeadline = Date.now() + 10_000;
    while (logged().length < ids.length && Date.now() < logDeadline) await new Promise((r) => setTimeout(r, 100));
    expect(logged().sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    const sweepRows = await db.selectFrom('jobs').select('id').where('unique_key', '=', 'sweep:publish-due-posts').execute();
    expect(sweepRows).toHaveLength(1);
  }, 60_000);
});
