import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { findMonthWithPosts, listArchiveMonths, listPostDays } from '../src/features/archive/index.js';
import { listPublished, listPublishedOnDate } from '../src/features/posts/index.js';
import { writeSettings } from '../src/features/site/index.js';
import { pad2 } from '../src/lib/dates.js';
import { createContext } from '../src/runtime.js';
import { generateArchive } from './generate.js';
import { type LoadResult, percentile } from './load.js';
import { type ArchiveResults, writeReport } from './report.js';

/**
 * The archive at depth: 100,000 posts over 20 years in a fresh SQLite file, then the latency
 * of the pages that carry the sidebar (home, article, month, day and year archives) under load
 * from another process, and of each archive query in-process. Writes bench/results/archive.json
 * and archive.md. Tune with BENCH_POSTS, BENCH_YEARS, BENCH_SECONDS and BENCH_CONNECTIONS; set
 * BENCH_KEEP=1 to keep the generated database for a closer look.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
// bench/run.mjs runs this from the repository root.
const RESULTS = path.resolve('bench', 'results');
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const options = {
  posts: num('BENCH_POSTS', 100_000),
  years: num('BENCH_YEARS', 20),
  seconds: num('BENCH_SECONDS', 10),
  connections: num('BENCH_CONNECTIONS', 10),
  timeZone: 'Europe/Brussels',
};

type Db = Parameters<typeof listArchiveMonths>[0];

/** A published English article from the middle of the archive, and its local date. */
interface Sample {
  slug: string;
  year: number;
  month: number;
  day: number;
  /** A page of its year's archive that exists, at most 20. */
  yearPage: number;
}

async function main(): Promise<void> {
  const loadAverage = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-bench-'));
  const config = loadConfig({}, { port: 0, dataDir, logLevel: 'silent' });
  const ctx = await createContext(config, { migrate: true, log: pino({ level: 'silent' }) });
  const db = ctx.database.db;
  try {
    const end = new Date();
    await writeSettings(db, { title: 'The Bench Gazette', timeZone: options.timeZone, postsPerPage: 10 });
    console.log(`Generating ${options.posts.toLocaleString('en')} posts over ${options.years} years …`);
    const t0 = performance.now();
    const generated = await generateArchive(db, { ...options, end });
    const generationMs = Math.round(performance.now() - t0);
    console.log(`  ${generationMs} ms (${Math.round(options.posts / (generationMs / 1000)).toLocaleString('en')} posts/s)`);
    const sample = await pickSample(db, end.toISOString());
    const queries = await measureQueries(db, sample);
    const app = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const pages = await measurePages(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`, sample);
    await app.close();
    writeResults({
      date: end.toISOString(),
      machine: { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}`, loadAverage },
      database: { dialect: 'sqlite', bytes: fs.statSync(path.join(dataDir, 'broadside.sqlite')).size },
      archive: { ...generated, years: options.years, timeZone: options.timeZone, generationMs },
      load: { tool: pages[0]?.tool, seconds: options.seconds, connections: options.connections },
      pages,
      queries,
    });
  } finally {
    await ctx.database.close();
    if (process.env.BENCH_KEEP) console.log(`Database kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function pickSample(db: Db, now: string): Promise<Sample> {
  const row = await db
    .selectFrom('posts')
    .select(['slug', 'local_year', 'local_month', 'local_day'])
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where('language', '=', 'en')
    .where('id', '>=', Math.floor(options.posts / 2))
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const year = row.local_year!;
  const { total } = await listPublishedOnDate(db, { now, year, page: 1, perPage: 1 });
  return { slug: row.slug, year, month: row.local_month!, day: row.local_day!, yearPage: Math.max(1, Math.min(20, Math.ceil(total / 10))) };
}

/** Each page under load from another process, after a warm-up; every one must answer 200. */
async function measurePages(base: string, sample: Sample): Promise<ArchiveResults['pages']> {
  const month = `/${sample.year}/${pad2(sample.month)}/`;
  const targets: [string, string][] = [
    ['home (calendar, monthly list)', '/'],
    ['article', `${month}${sample.slug}/`],
    ['month archive', month],
    ['day archive', `${month}${pad2(sample.day)}/`],
    ['year archive', `/${sample.year}/`],
    ['month archive, ?lang=ru', `${month}?lang=ru`],
    [`year archive, page ${sample.yearPage}`, `/${sample.year}/page/${sample.yearPage}/`],
  ];
  const pages = [];
  for (const [name, pagePath] of targets) {
    const bytes = await warmUp(base + pagePath);
    const result = await load(base + pagePath);
    console.log(`  ${name.padEnd(30)} p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  ${Math.round(result.rps)} req/s`);
    pages.push({ name, path: pagePath, bytes, ...result });
  }
  return pages;
}

function writeResults(results: ArchiveResults): void {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'archive.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeReport(path.join(RESULTS, 'archive.md'), results);
  console.log(`Results in ${path.relative(process.cwd(), RESULTS)}/archive.json and archive.md`);
}

/** Fetches the page until the caches are warm; returns its size. Throws unless it answers 200. */
async function warmUp(url: string): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < 50; i++) {
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    bytes = body.byteLength;
  }
  return bytes;
}

/** Runs the load generator in a child process (see load.ts) and returns what it measured. */
async function load(url: string): Promise<LoadResult> {
  const script = path.join(HERE, 'load.js');
  const { stdout } = await promisify(execFile)(process.execPath, [script, url, String(options.seconds), String(options.connections)], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
}

/** p50 and p99 in milliseconds of each archive query, run in-process, one at a time. */
async function measureQueries(db: Db, at: Sample): Promise<ArchiveResults['queries']> {
  const now = new Date().toISOString();
  const cases: [string, () => Promise<unknown>][] = [
    ['monthly list (all languages)', () => listArchiveMonths(db, { now })],
    ['monthly list (?lang=ru)', () => listArchiveMonths(db, { now, language: 'ru' })],
    ['calendar: days with posts', () => listPostDays(db, { now, year: at.year, month: at.month })],
    ['calendar: previous month with posts', () => findMonthWithPosts(db, { now, year: at.year, month: at.month, direction: 'before' })],
    ['calendar: next month with posts', () => findMonthWithPosts(db, { now, year: at.year, month: at.month, direction: 'after' })],
    ['month archive page', () => listPublishedOnDate(db, { now, year: at.year, month: at.month, page: 1, perPage: 10 })],
    [`year archive page ${at.yearPage}`, () => listPublishedOnDate(db, { now, year: at.year, page: at.yearPage, perPage: 10 })],
    ['home page list (for comparison)', () => listPublished(db, { now, page: 1, perPage: 10 })],
  ];
  const out = [];
  for (const [name, run] of cases) {
    for (let i = 0; i < 20; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({ name, p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) });
    console.log(`  query ${name.padEnd(38)} p50 ${round(percentile(times, 50))} ms  p99 ${round(percentile(times, 99))} ms`);
  }
  return out;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
