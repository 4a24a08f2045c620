import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_SETTINGS } from '../src/features/site/index.js';
import type { LoadResult, LoadSpec } from './load.js';
import { type ServerProcess, startServer } from './server-process.js';
import { envNumber, generateSite, type Sample, siteOptionsFromEnv } from './site-setup.js';
import { type SiteResults, TARGETS, writeSiteReport } from './site-report.js';

/**
 * The whole site under load (issue #9): a large newsroom (100,000 posts over 20 years and
 * 1,000,000 comments) generated in a fresh SQLite file, Broadside started on it as its own
 * process, each page loaded from another process with autocannon at 50 connections, then a
 * static-file baseline. Writes bench/results/site.json and site.md. Environment: BENCH_POSTS,
 * BENCH_COMMENTS, BENCH_YEARS, BENCH_SECONDS (per page), BENCH_CONNECTIONS; BENCH_KEEP=1 keeps
 * the database. For the comment POST the site's comment limits are raised to their maximum
 * (10,000 an hour per IP and per email), since every request comes from one address.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.resolve('bench', 'results');
const options = {
  ...siteOptionsFromEnv(),
  seconds: envNumber('BENCH_SECONDS', 10),
  connections: envNumber('BENCH_CONNECTIONS', 50),
};
// The bundled server (bench/run.mjs builds it as `npm run build` builds dist/bundle/).
// Started with the Node options of bin/broadside.js's first line (bench/run.mjs passes them).
const SERVE = [...(process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean), path.join(HERE, '..', 'bundle', 'broadside', 'broadside.js'), 'serve'];

async function main(): Promise<void> {
  const loadAverage = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-bench-site-'));
  const servers: ServerProcess[] = [];
  try {
    const end = new Date();
    const { generation, sample } = await generateSite(dataDir, options, end);
    const env = { BROADSIDE_DATA: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };

    console.log('Serving with the page cache on …');
    const cached = await startServer(SERVE, { ...env, PAGE_CACHE: 'on' }, sample.article);
    servers.push(cached);
    const articleHtml = await (await fetch(cached.url + sample.article)).text();
    const pages = [
      await measure('article (cached)', cached, sample.article),
      await measure('home', cached, '/'),
      await measure('day archive', cached, sample.day),
      await measure('category', cached, sample.category),
      await measure('site feed', cached, '/feed/'),
      await measureCommentPost(cached, sample),
    ];
    const cachedRss = cached.peakRssMb();
    await cached.stop();

    console.log('Serving with the page cache off …');
    const uncached = await startServer(SERVE, { ...env, PAGE_CACHE: 'off' }, sample.article);
    servers.push(uncached);
    for (const [name, page] of [['article (cache off)', sample.article], ['home (cache off)', '/'], ['day archive (cache off)', sample.day],
      ['category (cache off)', sample.category], ['site feed (cache off)', '/feed/']] as const) {
      pages.push(await measure(name, uncached, page));
    }
    const uncachedRss = uncached.peakRssMb();
    await uncached.stop();

    console.log('Baseline: the article as a static file …');
    const file = path.join(dataDir, 'article.html');
    fs.writeFileSync(file, articleHtml);
    const staticServer = await startServer([path.join(HERE, 'static-server.js'), file], {}, '/');
    servers.push(staticServer);
    const baseline = await measure('static file (baseline)', staticServer, '/');
    const staticRss = staticServer.peakRssMb();
    await staticServer.stop();

    const results: SiteResults = {
      date: end.toISOString(),
      command: 'npm run bench',
      machine: { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}`, loadAverage },
      database: { dialect: 'sqlite', bytes: fs.statSync(path.join(dataDir, 'broadside.sqlite')).size },
      generation,
      load: { tool: baseline.tool, seconds: options.seconds, connections: options.connections },
      baseline,
      pages,
      server: {
        coldStartMs: { cacheOn: round(cached.coldStartMs), cacheOff: round(uncached.coldStartMs), static: round(staticServer.coldStartMs) },
        peakRssMb: { cacheOn: round(cachedRss), cacheOff: round(uncachedRss), static: round(staticRss) },
      },
      targets: TARGETS,
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'site.json'), `${JSON.stringify(results, null, 2)}\n`);
    const table = writeSiteReport(path.join(RESULTS, 'site.md'), results);
    console.log(`\n${table}\nResults in bench/results/site.json and site.md`);
  } finally {
    for (const server of servers) await server.stop().catch(() => {});
    if (process.env.BENCH_KEEP) console.log(`Database kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

type PageResult = SiteResults['pages'][number];

/** Warms the page up (it must answer 200), then loads it from another process. */
async function measure(name: string, server: ServerProcess, page: string): Promise<PageResult> {
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const response = await fetch(server.url + page);
    bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
  }
  const result = await load({ url: server.url + page, seconds: options.seconds, connections: options.connections });
  console.log(`  ${name.padEnd(28)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms`);
  return { name, path: page, method: 'GET', bytes, ...result };
}

/**
 * POST /comments/ as a reader's browser sends it: the CSRF cookie and field and the signed form
 * token from the article page, after the minimum time to write a comment; each body unique
 * (`[<id>]`), so none is refused as a duplicate. Answers 303 to the comment (held for moderation).
 */
async function measureCommentPost(server: ServerProcess, sample: Sample): Promise<PageResult> {
  const page = await fetch(server.url + sample.article);
  const htmlText = await page.text();
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const field = (name: string) => htmlText.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '';
  await new Promise((resolve) => setTimeout(resolve, (DEFAULT_SETTINGS.comments.minSubmitSeconds + 1) * 1000));
  const enc = encodeURIComponent;
  const body = `_csrf=${enc(field('_csrf'))}&formToken=${enc(field('formToken'))}&postId=${sample.postId}&parentId=&name=Bench+Reader` +
    `&email=bench%40example.org&url=&website2=&body=A+comment+from+the+benchmark+number+[<id>]`;
  const result = await load({
    url: `${server.url}/comments/`, seconds: options.seconds, connections: options.connections, method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body,
  });
  console.log(`  ${'comment POST'.padEnd(28)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  ${JSON.stringify(result.statusCodes)} errors ${result.errors}`);
  return { name: 'comment POST', path: '/comments/', method: 'POST', bytes: 0, ...result };
}

async function load(spec: LoadSpec): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(HERE, 'load.js'), JSON.stringify(spec)], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
}

const round = (n: number) => Math.round(n * 10) / 10;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
