import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { seedDemo } from '../src/features/demo/index.js';
import { exportToFile, exportWordPressToFile, importFromFile } from '../src/features/export/index.js';
import { systemClock } from '../src/lib/clock.js';
import { type Database, type DialectName, migrateToLatest, openDatabase } from '../src/storage/db.js';
import type { DB } from '../src/storage/schema.js';
import { generateArchive } from './generate.js';

/**
 * Times `broadside export`, `import broadside` and `export --format wordpress` on the demo site and
 * on a generated one (20,000 posts, 100,000 threaded comments), on SQLite and PostgreSQL, with the
 * peak resident memory of each step and a check that export → import → export is identical.
 * Prints a Markdown table. PostgreSQL: BENCH_DATABASE_URL (default the test server). Run it compiled:
 * `npx tsc -p bench/tsconfig.json --outDir /tmp/b && ln -s $PWD/node_modules /tmp/b/ && node /tmp/b/bench/export.js`.
 */
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const POSTS = Number(process.env.BENCH_POSTS ?? 20_000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'export-bench-'));
const schemas: string[] = [];

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

async function fresh(dialect: DialectName, name: string): Promise<Database> {
  let database: Database;
  if (dialect === 'sqlite') database = await openDatabase({ kind: 'sqlite', file: path.join(work, `${name}.sqlite`) });
  else {
    const schema = `export_bench_${randomBytes(4).toString('hex')}`;
    await admin(`create schema "${schema}"`);
    schemas.push(schema);
    database = await openDatabase({ kind: 'postgres', url: PG_URL, schema, maxConnections: 2 });
  }
  const outcome = await migrateToLatest(database);
  if (outcome.error) throw outcome.error;
  return database;
}

async function addComments(db: Kysely<DB>, posts: number, comments: number): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  for (let first = 1; first <= comments; first += 5000) {
    await db.transaction().execute(async (trx) => {
      for (let from = first; from < Math.min(first + 5000, comments + 1); from += 250) {
        const rows = Array.from({ length: Math.min(250, comments + 1 - from) }, (_, i) => {
          const id = from + i;
          const reply = id % 3 === 0 && id > 1;
          return {
            id, post_id: 1 + (id % posts), parent_id: reply ? id - 1 : null, depth: reply ? 2 : 1, author_name: `Reader ${id}`,
            author_email: `reader${id}@example.org`, body: `Comment ${id}: a reply with some words in it, and «кириллица».`,
            status: (id % 17 === 0 ? 'pending' : 'approved') as 'pending' | 'approved', created_at: at, ip_hash: `h${id}`,
          };
        });
        // A reply's parent sits on the post before it; keep each pair on one post.
        for (const row of rows) if (row.parent_id) row.post_id = 1 + ((row.id - 1) % posts);
        await trx.insertInto('comments').values(rows).execute();
      }
    });
  }
}

/** Runs `step`, returning seconds and the peak RSS (MiB) seen while it ran. */
async function measure<T>(step: () => Promise<T>): Promise<{ seconds: number; peakMiB: number; result: T }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = process.hrtime.bigint();
  const result = await step();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  return { seconds, peakMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20), result };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const mib = (file: string) => (fs.statSync(file).size / 2 ** 20).toFixed(1);

async function scenario(dialect: DialectName, name: string, fill: (db: Database) => Promise<void>): Promise<string[]> {
  const source = await fresh(dialect, `${name}-source`);
  await fill(source);
  const json = path.join(work, `${dialect}-${name}.json`);
  const wxr = path.join(work, `${dialect}-${name}.xml`);
  const out = await measure(() => exportToFile(source, json, { secrets: true, auditLog: true }));
  const target = await fresh(dialect, `${name}-target`);
  const into = await measure(() => importFromFile(target, json));
  const again = path.join(work, `${dialect}-${name}-again.json`);
  await exportToFile(target, again, { secrets: true, auditLog: true });
  const wp = await measure(() => exportWordPressToFile(source, wxr));
  execFileSync('xmllint', ['--noout', '--stream', wxr]);
  await source.close();
  await target.close();
  const counts = out.result;
  return [
    `| ${name} | ${dialect} | ${counts.posts} posts, ${counts.comments} comments | ${mib(json)} MiB | ${out.seconds.toFixed(1)} s (${out.peakMiB} MiB) | ` +
      `${into.seconds.toFixed(1)} s (${into.peakMiB} MiB) | ${sha(again) === sha(json) ? 'identical' : 'DIFFERENT'} | ` +
      `${mib(wxr)} MiB, ${wp.seconds.toFixed(1)} s (${wp.peakMiB} MiB) |`,
  ];
}

const rows = ['| Site | Database | Rows | JSON size | export (peak RSS) | import broadside (peak RSS) | re-export | WXR export (peak RSS) |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
try {
  for (const dialect of (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[]) {
    rows.push(...(await scenario(dialect, 'demo', (d) => seedDemo({ db: d.db, clock: systemClock }, { baseUrl: 'http://127.0.0.1:3000' }).then(() => {}))));
    rows.push(...(await scenario(dialect, 'generated', async (d) => {
      await generateArchive(d.db, { posts: POSTS, years: 10, end: new Date('2026-11-01T00:00:00Z'), timeZone: 'Europe/Brussels' });
      await addComments(d.db, POSTS, COMMENTS);
    })));
    console.error(`done ${dialect}`);
  }
  console.log(rows.join('\n'));
} finally {
  for (const schema of schemas) await admin(`drop schema if exists "${schema}" cascade`);
  fs.rmSync(work, { recursive: true, force: true });
}
