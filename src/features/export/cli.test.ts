import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../../test/database-url.js';
import { DIALECTS } from '../../../test/helpers.js';
import { runCli } from '../../cli.js';
import { type DialectName, openDatabase } from '../../storage/db.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdin: Readable.from([]) as unknown as NodeJS.ReadStream,
    env,
  });
  return { code, out, err };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The environment of a new, empty site (its own data folder; on PostgreSQL its own schema). */
async function siteEnv(dialect: DialectName): Promise<NodeJS.ProcessEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-cli-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  if (dialect === 'sqlite') return { BROADSIDE_DATA: dataDir, LOG_LEVEL: 'silent' };
  const schema = `bst_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create schema "${schema}"`);
  cleanups.push(() => adminQuery(`drop schema if exists "${schema}" cascade`));
  const separator = TEST_DATABASE_URL.includes('?') ? '&' : '?';
  return { BROADSIDE_DATA: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: `${TEST_DATABASE_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` };
}

async function postCount(env: NodeJS.ProcessEnv): Promise<number> {
  const database = env.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: env.DATABASE_URL })
    : await openDatabase({ kind: 'sqlite', file: path.join(env.BROADSIDE_DATA!, 'broadside.sqlite') });
  try {
    return (await database.db.selectFrom('posts').select('id').execute()).length;
  } finally {
    await database.close();
  }
}

describe.each(DIALECTS)('broadside export and import broadside on %s', { timeout: 180_000 }, (dialect) => {
  it('moves the demo site into a new one, saying what it wrote and read, and refuses to import it twice', async () => {
    const from = await siteEnv(dialect);
    expect((await cli(['seed-demo'], from)).code).toBe(0);
    const file = path.join(from.BROADSIDE_DATA!, 'site.json');
    const exported = await cli(['export', file], from);
    expect(exported.code).toBe(0);
    expect(exported.out.join('\n')).toMatch(/^Exported settings \d+, authors \d+, categories \d+, tags \d+, posts \d+, .* to .*site\.json in \d+\.\d s\.$/);
    expect(fs.readdirSync(from.BROADSIDE_DATA!).filter((f) => f.includes('partial'))).toEqual([]);

    const wxr = await cli(['export', '--format', 'wordpress', path.join(from.BROADSIDE_DATA!, 'site.xml')], from);
    expect(wxr.out.join('\n')).toMatch(/^Exported authors \d+, categories \d+, tags \d+, posts \d+, pages \d+ to .*site\.xml in/);
    expect(fs.readFileSync(path.join(from.BROADSIDE_DATA!, 'site.xml'), 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0"/);

    const to = await siteEnv(dialect);
    const imported = await cli(['import', 'broadside', file], to);
    // Standard error carries only progress lines (`  posts 20/43`), when it takes more than a second.
    for (const line of [...exported.err, ...imported.err]) expect(line).toMatch(/^ {2}[a-z_]+ \d+(\/\d+)?$/);
    expect(imported.out.join('\n')).toMatch(/^Imported settings \d+, authors \d+, categories \d+, tags \d+, posts \d+, .* in \d+\.\d s\.$/);
    expect(await postCount(to)).toBe(await postCount(from));

    const again = await cli(['import', 'broadside', file], to);
    expect(again.code).toBe(1);
    expect(again.err.join('\n')).toMatch(/^broadside: Nothing was imported: this site is not empty \(it has authors, categories, tags, posts/);
  });
});

describe('broadside import broadside with a bad file', () => {
  it('names the missing file and exits 1', async () => {
    const env = await siteEnv('sqlite');
    const run = await cli(['import', 'broadside', '/nonexistent/site.json'], env);
    expect(run.code).toBe(1);
    expect(run.err).toEqual(['broadside: Nothing was imported: Cannot read /nonexistent/site.json: no such file']);
  });
});
