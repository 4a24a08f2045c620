import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseUrlFor } from '../../../test/e2e/processes.js';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, createTestDatabase, type TestApp } from '../../../test/helpers.js';
import { openSecondConnection } from '../../../test/second-connection.js';
import { wxrFixture } from '../../../test/wordpress.js';
import { runCli } from '../../cli.js';
import type { Database } from '../../storage/db.js';

const ARTICLE = '/2026/01/the-vote/';

// On PostgreSQL every writer NOTIFYs (coherence.test.ts). On SQLite a CLI command (`broadside
// import`, `user create`) writes from its own process, which no server hears: the server finds
// out from the database itself. A second connection to the file is what such a process opens.
describe('the page cache of a server on SQLite when another process writes to its file', () => {
  let t: TestApp;
  let other: Database;
  const hits = () => t.ctx.pageCache!.stats.hits;
  beforeEach(async () => {
    const database = await createTestDatabase('sqlite');
    t = await buildTestApp('sqlite', { config: { pageCache: 'on' }, database });
    other = await openSecondConnection(database);
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    await givenPost(t.ctx, { title: 'The vote', slug: 'the-vote', publishedAt: '2026-01-15T10:00:00Z' });
  });
  afterEach(async () => {
    await other.close();
    await t.close();
  });

  it('shows a headline another process changed on the very next request', async () => {
    await t.app.inject(ARTICLE);
    await t.app.inject('/');
    expect((await t.app.inject(ARTICLE)).body).toContain('The vote');
    expect(hits()).toBe(1);
    await other.db.updateTable('posts').set({ title: 'The vote, recounted' }).where('slug', '=', 'the-vote').execute();
    expect((await t.app.inject(ARTICLE)).body).toContain('The vote, recounted');
    expect((await t.app.inject('/')).body).toContain('The vote, recounted');
    expect(hits()).toBe(1);
    // Then serves from memory again.
    await t.app.inject(ARTICLE);
    expect(hits()).toBe(2);
  });

  it('keeps its pages when only its own connection writes, since its own changes invalidate precisely', async () => {
    await t.app.inject(ARTICLE);
    await givenPost(t.ctx, { title: 'Far away', slug: 'far-away', publishedAt: '2019-03-01T10:00:00Z' });
    await t.app.inject(ARTICLE);
    expect(hits()).toBe(1);
  });
});

// On PostgreSQL a CLI command is a writer like any other process: it must NOTIFY what it changed.
describe('the page cache of a server on PostgreSQL when `broadside import` writes to its database', () => {
  let t: TestApp;
  let dataDir: string;
  beforeEach(async () => {
    t = await buildTestApp('postgres', { config: { pageCache: 'on' } });
    await t.ctx.pageCache!.listen();
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-cli-'));
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the imported articles on the home page it had cached, as soon as the command is done', async () => {
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.ctx.database.db)).rows[0]!.s;
    await t.app.inject('/');
    expect((await t.app.inject('/')).body).not.toContain('Tram drivers strike for a second day');
    expect(t.ctx.pageCache!.stats.hits).toBe(1);
    const err: string[] = [];
    const code = await runCli(['import', 'wordpress', wxrFixture('site-1.2.xml')], {
      out: () => {}, err: (line) => err.push(line), stdin: Readable.from([]) as unknown as NodeJS.ReadStream,
      env: { DATABASE_URL: databaseUrlFor(schema), BROADSIDE_DATA: dataDir, LOG_LEVEL: 'silent' },
    });
    expect(code, err.join('\n')).toBe(0);
    // The NOTIFY arrives on the server's listening connection a moment later.
    await vi.waitFor(async () => expect((await t.app.inject('/')).body).toContain('Tram drivers strike for a second day'), { timeout: 2000, interval: 20 });
  }, 60_000);
});
