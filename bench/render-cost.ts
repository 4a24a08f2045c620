import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createContext } from '../src/runtime.js';
import { envNumber, type Generation, generateSite, pickSample, siteOptionsFromEnv } from './site-setup.js';

/**
 * What an uncached page costs the server in CPU time, on the large site of bench/site.ts, in a
 * form that holds on a busy machine: the app is built in this process with the page cache off,
 * and each page is requested over `app.inject` one request at a time while process.cpuUsage()
 * counts the CPU time spent (user + system, garbage collection included). The baseline is a
 * route of the same app answering a constant string, so it passes through the same hooks;
 * every figure is also printed as a ratio to it. Pages and the baseline take turns over several
 * rounds and each figure is the median of its rounds, so a burst of load on the machine moves
 * them all alike.
 *
 * `node bench/run.mjs render-cost`. Environment: BENCH_POSTS, BENCH_COMMENTS, BENCH_YEARS (the
 * site, as bench/site.ts); BENCH_DATA=<folder> reuses a site generated before (BENCH_KEEP=1
 * keeps the one generated); BENCH_REQUESTS per page per round (default 300), BENCH_ROUNDS
 * (default 7); BENCH_PAGES=article,home narrows the pages (with NODE_OPTIONS=--cpu-prof for a
 * profile of one page); BENCH_DUMP=<folder> writes each page's HTML there, with the per-visitor
 * tokens blanked, to compare what pages show before and after a change.
 * Writes bench/results/render-cost.json and render-cost.md.
 */

const RESULTS = path.resolve('bench', 'results');
const options = siteOptionsFromEnv();
const REQUESTS = envNumber('BENCH_REQUESTS', 300);
const ROUNDS = envNumber('BENCH_ROUNDS', 7);
const BASELINE = '/_bench/constant';
/** The CPU time a single core offers per request at the target of issue #9 (3,000 req/s). */
const TARGET_US = 1_000_000 / 3000;

interface PageCost {
  name: string;
  path: string;
  bytes: number;
  /** CPU microseconds per request, median over the rounds, and the lowest round. */
  cpuUs: number;
  cpuUsMin: number;
  /** cpuUs divided by the baseline's. */
  vsBaseline: number;
  /** Wall-clock microseconds per request (median), for reference only on a shared machine. */
  wallUs: number;
  /** sha256 of the HTML with the per-visitor tokens blanked, to compare runs. */
  sha256: string;
}

async function main(): Promise<void> {
  const loadAverage = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const reuse = process.env.BENCH_DATA;
  const dataDir = reuse ? path.resolve(reuse) : fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-bench-cost-'));
  let generation: Generation | null = null;
  try {
    if (!reuse) generation = (await generateSite(dataDir, options, new Date())).generation;
    const config = loadConfig({}, { port: 0, dataDir, logLevel: 'warn', pageCache: 'off' });
    const ctx = await createContext(config, { migrate: true, log: pino({ level: 'warn' }) });
    const sample = await pickSample(ctx.database.db, new Date().toISOString());
    const app = await buildApp(ctx);
    app.get(BASELINE, async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><p>constant</p>'));
    await app.ready();
    const all: [string, string][] = [
      ['baseline (constant route)', BASELINE], ['article', sample.article], ['home', '/'],
      ['day archive', sample.day], ['category', sample.category], ['site feed', '/feed/'],
    ];
    const wanted = process.env.BENCH_PAGES?.split(',');
    const pages = all.filter(([name], i) => i === 0 || !wanted || wanted.some((w) => name.startsWith(w)));

    const bodies = new Map<string, string>();
    for (const [name, url] of pages) {
      const response = await app.inject({ method: 'GET', url });
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      bodies.set(name, blankTokens(response.body));
      for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url });
    }
    if (process.env.BENCH_DUMP) dump(process.env.BENCH_DUMP, bodies);

    const cpu = new Map<string, number[]>(pages.map(([name]) => [name, []]));
    const wall = new Map<string, number[]>(pages.map(([name]) => [name, []]));
    console.log(`Timing ${pages.length} pages, ${ROUNDS} rounds of ${REQUESTS} sequential requests each …`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of pages) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        for (let i = 0; i < REQUESTS; i++) await app.inject({ method: 'GET', url });
        const used = process.cpuUsage(c0);
        wall.get(name)!.push(((performance.now() - t0) * 1000) / REQUESTS);
        cpu.get(name)!.push((used.user + used.system) / REQUESTS);
      }
    }
    await app.close();
    await ctx.database.close();

    const baseCpu = median(cpu.get(pages[0]![0])!);
    const results: PageCost[] = pages.map(([name, url]) => {
      const cpuUs = median(cpu.get(name)!);
      return {
        name, path: url, bytes: Buffer.byteLength(bodies.get(name)!), cpuUs: round(cpuUs), cpuUsMin: round(Math.min(...cpu.get(name)!)),
        vsBaseline: round(cpuUs / baseCpu, 100), wallUs: round(median(wall.get(name)!)),
        sha256: createHash('sha256').update(bodies.get(name)!).digest('hex'),
      };
    });
    const report = {
      date: new Date().toISOString(),
      command: 'node bench/run.mjs render-cost',
      machine: { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cpus: os.cpus().length, loadAverage },
      site: generation ?? { reused: true, ...options },
      requestsPerRound: REQUESTS,
      rounds: ROUNDS,
      targetUsPerRequest: round(TARGET_US),
      pages: results,
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    if (!wanted) {
      fs.writeFileSync(path.join(RESULTS, 'render-cost.json'), `${JSON.stringify(report, null, 2)}\n`);
      fs.writeFileSync(path.join(RESULTS, 'render-cost.md'), markdown(report));
    }
    console.log(`\n${table(results)}`);
  } finally {
    if (reuse || process.env.BENCH_KEEP) console.log(`Site in ${dataDir} (BENCH_DATA=${dataDir} reuses it)`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The page with what differs per visitor or per request (CSRF and form tokens) blanked. */
function blankTokens(body: string): string {
  return body.replace(/(name="(?:_csrf|formToken)" value=")[^"]*"/g, '$1"');
}

function dump(folder: string, bodies: Map<string, string>): void {
  fs.mkdirSync(folder, { recursive: true });
  for (const [name, body] of bodies) fs.writeFileSync(path.join(folder, `${name.replace(/\W+/g, '-')}.html`), body);
}

function table(pages: PageCost[]): string {
  const rows = pages.map((p) =>
    `| ${p.name} | \`${p.path}\` | ${p.bytes} | ${p.cpuUs} | ${p.cpuUsMin} | ${p.vsBaseline.toFixed(2)}× | ${Math.round(1_000_000 / p.cpuUs)} | ${p.wallUs} |`);
  return [
    '| Page | Path | Bytes | CPU µs/req (median) | (best round) | vs baseline | req/s per core at that cost | wall µs/req |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function markdown(report: { date: string; command: string; machine: { node: string; cpu: string; cpus: number; loadAverage: number[] };
  site: object; requestsPerRound: number; rounds: number; pages: PageCost[] }): string {
  return `# Render cost (page cache off)

Run on ${report.date.slice(0, 10)} with \`${report.command}\`: ${report.machine.cpus} × ${report.machine.cpu}, Node ${report.machine.node}, load average at the start ${report.machine.loadAverage.join(', ')}.

Site: ${JSON.stringify(report.site)}.

Each page is requested in-process with \`app.inject\`, one request at a time, ${report.rounds} rounds of ${report.requestsPerRound}; the figure is the CPU time (user + system) per request, median of the rounds. The baseline is a route of the same app answering a constant string (the same hooks run). The issue's 3,000 req/s on one core leaves ${round(TARGET_US)} µs per request, HTTP parsing included (which inject skips).

${table(report.pages)}
`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number, by = 10) => Math.round(n * by) / by;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
