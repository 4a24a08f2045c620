import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber, generateSite, pickSample, siteOptionsFromEnv } from './site-setup.js';
import { startServer } from './server-process.js';
import { openDatabase } from '../src/storage/db.js';

/**
 * Cold start (issue #9: spawn to the first 200 of an article under 1 s), in a form that holds on
 * a busy machine: the bundled server is started on the large site as bench/site.ts starts it
 * (bin/broadside.js's Node options, an article polled every 5 ms until it answers 200), with the
 * page cache on and off, in turns with the static-file baseline server, over BENCH_ROUNDS rounds
 * (default 7). Each start reports its wall time and the CPU time the process had used by its
 * first 200 (/proc schedstat, all threads); the figures are medians of the rounds.
 *
 * `node bench/run.mjs cold-start`. BENCH_DATA=<folder> starts on a site generated before (the
 * server writes to it: give it a copy), otherwise one is generated (BENCH_POSTS, BENCH_COMMENTS,
 * BENCH_YEARS as bench/site.ts). Writes bench/results/cold-start.json and cold-start.md.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.resolve('bench', 'results');
const ROUNDS = envNumber('BENCH_ROUNDS', 7);
const SERVE = [...(process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean), path.join(HERE, '..', 'bundle', 'broadside', 'broadside.js'), 'serve'];

interface Starts {
  wallMs: number[];
  cpuMs: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor((sorted.length - 1) / 2)]!);
};

async function main(): Promise<void> {
  const loadAverage = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const reuse = process.env.BENCH_DATA;
  const dataDir = reuse ? path.resolve(reuse) : fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-bench-start-'));
  try {
    let article: string;
    if (reuse) {
      const database = await openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'broadside.sqlite') });
      article = (await pickSample(database.db, new Date().toISOString())).article;
      await database.close();
    } else {
      article = (await generateSite(dataDir, siteOptionsFromEnv(), new Date())).sample.article;
    }
    const env = { BROADSIDE_DATA: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    const staticFile = path.join(os.tmpdir(), `broadside-bench-start-${process.pid}.html`);
    const kinds = { cacheOn: { wallMs: [], cpuMs: [] } as Starts, cacheOff: { wallMs: [], cpuMs: [] } as Starts, static: { wallMs: [], cpuMs: [] } as Starts };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [kind, args, extra, probe] of [
        ['cacheOn', SERVE, { PAGE_CACHE: 'on' }, article],
        ['cacheOff', SERVE, { PAGE_CACHE: 'off' }, article],
        ['static', [path.join(HERE, 'static-server.js'), staticFile], {}, '/'],
      ] as const) {
        if (kind === 'static' && !fs.existsSync(staticFile)) continue;
        const server = await startServer([...args], { ...env, ...extra }, probe);
        if (kind === 'cacheOn' && !fs.existsSync(staticFile)) fs.writeFileSync(staticFile, await (await fetch(server.url + article)).text());
        await server.stop();
        kinds[kind].wallMs.push(server.coldStartMs);
        kinds[kind].cpuMs.push(server.coldStartCpuMs);
        console.log(`  round ${round + 1} ${kind.padEnd(8)} ${Math.round(server.coldStartMs)} ms, CPU ${Math.round(server.coldStartCpuMs)} ms`);
      }
    }
    fs.rmSync(staticFile, { force: true });
    const summary = Object.fromEntries(Object.entries(kinds).map(([kind, s]) => [kind, { wallMs: median(s.wallMs), cpuMs: median(s.cpuMs), runs: s }]));
    const results = { date: new Date().toISOString(), command: 'node bench/run.mjs cold-start', node: process.version, loadAverage, rounds: ROUNDS, article, ...summary };
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'cold-start.json'), `${JSON.stringify(results, null, 2)}\n`);
    const row = (name: string, k: keyof typeof kinds) => `| ${name} | ${summary[k]!.wallMs} | ${summary[k]!.cpuMs} |`;
    const table = [
      '| server | spawn → first 200, ms (median) | CPU ms by then (median) |',
      '| --- | ---: | ---: |',
      row('Broadside, page cache on', 'cacheOn'),
      row('Broadside, page cache off', 'cacheOff'),
      row('static file (baseline)', 'static'),
    ].join('\n');
    fs.writeFileSync(path.join(RESULTS, 'cold-start.md'), `# Cold start\n\n${results.date}, Node ${process.version}, load average ${loadAverage.join(' ')} at the start, ` +
      `${ROUNDS} rounds, article ${article}. Command: \`${results.command}\`. Target (issue #9): under 1,000 ms.\n\n${table}\n`);
    console.log(`\n${table}\nResults in bench/results/cold-start.json and cold-start.md`);
  } finally {
    if (!reuse) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
