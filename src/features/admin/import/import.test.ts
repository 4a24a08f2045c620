import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, TestBrowser } from '../../../../test/admin.js';
import { pino } from 'pino';
import { buildTestApp, createTestDatabase, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail } from '../../../../test/site-admin.js';
import { wxrFixture } from '../../../../test/wordpress.js';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { AppContext } from '../../../context.js';
import { fixedClock } from '../../../lib/clock.js';
import type { DialectName } from '../../../storage/db.js';
import { IMPORTS_DIR, importJobHandlers } from '../../import/index.js';
import { runDueJobs } from '../../jobs/index.js';

/**
 * The admin import page over real HTTP: the upload is a real multipart request (FormData sent
 * by fetch to the listening app), the background job is run as the worker runs it.
 */
describe.each(DIALECTS)('importing a WordPress export from the admin on %s', (dialect: DialectName) => {
  let t: TestApp;
  let admin: TestBrowser;
  let base: string;

  async function start(config: { pageCache?: string } = {}): Promise<void> {
    t = await buildTestApp(dialect, { config });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    await givenUser(t.ctx, 'admin');
    admin = new TestBrowser(t.app);
    await admin.signIn('admin@lantern.example');
  }

  beforeEach(async () => start());
  afterEach(async () => t.close());

  /** Sends the upload form as a browser does: multipart, the token in the action's query string. */
  async function upload(
    as: TestBrowser,
    file: { name: string; content: Uint8Array<ArrayBuffer> | string },
    fields: Record<string, string> = { pings: 'keep' },
    token = as.csrf,
  ): Promise<Response> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([file.content], { type: 'text/xml' }), file.name);
    return fetch(`${base}/admin/import?_csrf=${encodeURIComponent(token)}`, {
      method: 'POST',
      body: form,
      headers: { cookie: as.cookieHeader, origin: base },
      redirect: 'manual',
    });
  }

  const fixture = (name: string) => ({ name, content: new Uint8Array(fs.readFileSync(wxrFixture(name))) });
  const waiting = () => uploadsIn(t.ctx.config.dataDir);
  const runJobs = () =>
    runDueJobs(
      { db: t.ctx.database.db, helpers: t.ctx.database.helpers, clock: t.clock, log: t.ctx.log },
      importJobHandlers({ dataDir: t.ctx.config.dataDir, clock: t.clock, invalidator: t.ctx.pageCache?.invalidator }),
      { workerId: 'test-worker', leaseMs: 60_000, batch: 5 },
    );
  const mappedPosts = async () =>
    Number((await t.ctx.database.db.selectFrom('import_map').select((eb) => eb.fn.countAll<number | string>().as('n')).where('kind', '=', 'post').executeTakeFirstOrThrow()).n);

  it('uploads an export, imports it in the background, reports the counts and warnings, and the posts are on the site', async () => {
    const page = await admin.get('/admin/import');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<li><a href="/admin/import" aria-current="page">Import</a></li>');
    expect(page.body).toMatch(/<form method="post" action="\/admin\/import\?_csrf=[^"]+" enctype="multipart\/form-data"/);
    await expectValidHtml(page.body, 'import page');

    const sent = await upload(admin, fixture('site-1.2.xml'), { pings: 'skip' });
    expect(sent.status).toBe(303);
    const runUrl = sent.headers.get('location')!;
    expect(runUrl).toMatch(/^\/admin\/import\/runs\/\d+$/);
    expect(waiting()).toHaveLength(1);
    expect(fs.statSync(path.join(t.ctx.config.dataDir, IMPORTS_DIR, waiting()[0]!)).size).toBe(fs.statSync(wxrFixture('site-1.2.xml')).size);

    const before = await admin.get(runUrl);
    expect(before.body).toContain('Status: <strong>waiting to start</strong>');
    expect(before.body).toContain('<meta http-equiv="refresh" content="2">');
    expect(await t.app.inject('/2019/05/tram-strike/').then((r) => r.statusCode)).toBe(404);

    // A process with another data folder (another host) cannot read the file: it leaves the job alone.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-elsewhere-'));
    try {
      const other = importJobHandlers({ dataDir: elsewhere, clock: t.clock });
      expect(await runDueJobs({ db: t.ctx.database.db, helpers: t.ctx.database.helpers, clock: t.clock, log: t.ctx.log }, other, { workerId: 'elsewhere', leaseMs: 60_000, batch: 5 })).toMatchObject({ claimed: 0 });
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }

    // Watch the page while the job runs, as the admin's browser does every 2 s.
    const job = runJobs();
    let finished = false;
    void job.finally(() => (finished = true));
    const seen: string[] = [];
    while (!finished) {
      const { body } = await admin.get(runUrl);
      if (body.includes('Status: <strong>finished</strong>')) break;
      seen.push(body);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await job).toMatchObject({ claimed: 1, done: 1 });
    const running = seen.filter((body) => /Status: <strong>(checking the file|importing)<\/strong>/.test(body));
    expect(running.length).toBeGreaterThan(0);
    for (const body of running) {
      expect(body).toContain('<meta http-equiv="refresh" content="2">');
      expect(body).toMatch(/<progress id="progress" max="\d+" value="\d+">\d+%<\/progress>/);
    }
    const after = await admin.get(runUrl);
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Status: <strong>finished</strong>');
    expect(after.body).not.toContain('http-equiv="refresh"');
    expect(after.body).toContain(`<tr><td>post</td><td>${await mappedPosts()}</td></tr>`);
    expect(await mappedPosts()).toBe(10);
    expect(after.body).toContain('<tr><td>pingback</td><td>1</td></tr>'); // under "Not imported": left out as asked
    expect(after.body).toContain('<li><strong>post 14 “Staff only”</strong>: private: imported unpublished</li>');
    expect(after.body).toContain('<code>[pullquote]</code> in post 20');
    await expectValidHtml(after.body, 'finished import run');
    expect(waiting()).toEqual([]); // the upload is removed once imported

    const post = await t.app.inject('/2019/05/tram-strike/');
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain('Tram drivers strike for a second day');
    const list = await admin.get('/admin/import');
    expect(list.body).toContain(`<a href="${runUrl}">site-1.2.xml</a>`);
    expect((await auditTrail(t)).map((e) => [e.action, e.actor])).toEqual([
      ['import.upload', 'admin@lantern.example'],
      ['import.finish', 'admin@lantern.example'],
    ]);
  });

  it('shows the imported posts on a home page the page cache had kept from before the import', async () => {
    await t.close();
    await start({ pageCache: 'on' });
    const before = await t.app.inject('/');
    expect(before.body).not.toContain('Tram drivers strike for a second day');
    expect(t.ctx.pageCache!.store.size.entries).toBeGreaterThan(0);
    await upload(admin, fixture('site-1.2.xml'));
    await runJobs();
    expect((await t.app.inject('/')).body).toContain('Tram drivers strike for a second day');
  });

  it('imports nothing twice: a second upload of the same file reports everything as already there', async () => {
    await upload(admin, fixture('site-1.2.xml'));
    await runJobs();
    const again = await upload(admin, fixture('site-1.2.xml'));
    await runJobs();
    const page = await admin.get(again.headers.get('location')!);
    expect(page.body).toContain('Nothing new: everything in this file was already here.');
    expect(page.body).toMatch(/<caption>Already imported before<\/caption>[\s\S]*<tr><td>post<\/td><td>10<\/td><\/tr>/);
    expect(await mappedPosts()).toBe(10);
  });

  it('shows the line and the reason of a malformed file, imports nothing, keeps the file, and Retry runs it again', async () => {
    const sent = await upload(admin, fixture('broken-entity.xml'));
    const runUrl = sent.headers.get('location')!;
    await runJobs();
    const failed = await admin.get(runUrl);
    expect(failed.body).toContain('Status: <strong>failed</strong>');
    expect(failed.body).toMatch(/<p>line 55, column \d+: [^<]*undefined entity[^<]*<\/p>/i);
    expect(failed.body).toContain('Nothing was imported.');
    expect(failed.body).toContain('<button type="submit">Retry</button>');
    expect(failed.body).not.toContain('http-equiv="refresh"');
    await expectValidHtml(failed.body, 'failed import run');
    expect(await mappedPosts()).toBe(0);
    expect(waiting()).toHaveLength(1);

    const retried = await admin.post(`${runUrl}/retry`, {});
    expect(retried.statusCode).toBe(303);
    expect((await admin.get(runUrl)).body).toContain('Status: <strong>waiting to start</strong>');
    expect(await runJobs()).toMatchObject({ claimed: 1 });
    expect((await admin.get(runUrl)).body).toContain('Status: <strong>failed</strong>');
    expect((await auditTrail(t)).map((e) => e.action)).toEqual(['import.upload', 'import.fail', 'import.retry', 'import.fail']);
    const twice = await admin.post(`${runUrl}/retry`, {});
    expect(twice.statusCode).toBe(303);
    expect(await runJobs()).toMatchObject({ claimed: 1 });
  });

  it('refuses a file that is not XML with 422 next to the field, leaving no file and no run', async () => {
    const sent = await upload(admin, { name: 'photos.zip', content: 'PK\u0003\u0004 not an export at all' });
    expect(sent.status).toBe(422);
    const body = await sent.text();
    expect(body).toContain('<p class="field-error" id="file-error">This is not an XML file: choose the .xml file WordPress made at Tools → Export</p>');
    await expectValidHtml(body, 'import page with a refused file');
    expect(waiting()).toEqual([]);
    expect(await t.ctx.database.db.selectFrom('import_runs').select('id').execute()).toEqual([]);
  });

  it('refuses a form sent without a file, or without its CSRF token, and writes nothing', async () => {
    const form = new FormData();
    form.append('pings', 'keep');
    const empty = await fetch(`${base}/admin/import?_csrf=${encodeURIComponent(admin.csrf)}`, { method: 'POST', body: form, headers: { cookie: admin.cookieHeader }, redirect: 'manual' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Choose the .xml file WordPress exported');
    const forged = await upload(admin, fixture('site-1.2.xml'), { pings: 'keep' }, 'not-the-token');
    expect(forged.status).toBe(403);
    expect(waiting()).toEqual([]);
    expect(await t.ctx.database.db.selectFrom('import_runs').select('id').execute()).toEqual([]);
  });

  it('refuses the import page to an editor (403) and shows a signed-out visitor the sign-in form', async () => {
    await givenUser(t.ctx, 'editor');
    const editor = new TestBrowser(t.app);
    await editor.signIn('editor@lantern.example');
    expect((await editor.get('/admin/import')).statusCode).toBe(403);
    expect((await editor.get('/admin/')).body).not.toContain('href="/admin/import"');
    expect((await upload(editor, fixture('site-1.2.xml'))).status).toBe(403);

    const stranger = new TestBrowser(t.app);
    const signIn = await stranger.get('/admin/import');
    expect(signIn.statusCode).toBe(401);
    expect(signIn.body).toContain('name="next" value="/admin/import"');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(wxrFixture('site-1.2.xml')))]), 'site.xml');
    // Refused before the admin's sign-in check: it carries no token of a session (403), and nothing is read.
    expect((await fetch(`${base}/admin/import`, { method: 'POST', body: form, redirect: 'manual' })).status).toBe(403);
    expect(waiting()).toEqual([]);
    expect(await t.ctx.database.db.selectFrom('import_runs').select('id').execute()).toEqual([]);
  });
});

/** The uploads waiting in a data folder's imports folder (not its .folder-id). */
function uploadsIn(dataDir: string): string[] {
  const dir = path.join(dataDir, IMPORTS_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => !name.startsWith('.')) : [];
}

/** The app over a fresh database with IMPORT_MAX_MB set (buildTestApp keeps the default). */
async function appWithUploadLimit(dialect: DialectName, megabytes: number): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const clock = fixedClock('2026-06-15T12:00:00Z');
  const config = loadConfig({}, { port: 0, dataDir: database.dataDir, logLevel: 'silent', pageCache: 'off', importMaxMb: megabytes });
  const ctx: AppContext = { config, database: database.database, clock, log: pino({ level: 'silent' }) };
  const app = await buildApp(ctx);
  await app.ready();
  return { app, ctx, clock, close: async () => { await app.close(); await database.drop(); } };
}

describe.each(DIALECTS)('the upload limit of the admin import page on %s', (dialect: DialectName) => {
  it('refuses a file larger than IMPORT_MAX_MB with 413 and leaves no partial file behind', async () => {
    const t = await appWithUploadLimit(dialect, 1);
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      await givenUser(t.ctx, 'admin');
      const admin = new TestBrowser(t.app);
      await admin.signIn('admin@lantern.example');
      const big = `<?xml version="1.0"?>\n<rss>${'<!-- padding -->'.repeat(100_000)}</rss>\n`; // 1.6 MB
      const form = new FormData();
      form.append('pings', 'keep');
      form.append('file', new Blob([big], { type: 'text/xml' }), 'huge.xml');
      const sent = await fetch(`${base}/admin/import?_csrf=${encodeURIComponent(admin.csrf)}`, { method: 'POST', body: form, headers: { cookie: admin.cookieHeader }, redirect: 'manual' });
      expect(sent.status).toBe(413);
      expect(await sent.text()).toContain('The file is larger than 1 MB, the most this site accepts here (IMPORT_MAX_MB).');
      expect(uploadsIn(t.ctx.config.dataDir)).toEqual([]);
      expect(await t.ctx.database.db.selectFrom('import_runs').select('id').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
