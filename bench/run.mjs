#!/usr/bin/env node
// Runs Broadside's benchmarks: `npm run bench` runs them all, `node bench/run.mjs archive` one;
// `node bench/run.mjs render-cost` (CPU time per uncached page) and `cold-start` (wall and CPU time
// from spawn to the first page) run only when named.
// Compiles src/ and bench/ with tsc into node_modules/.cache/broadside-bench, or BENCH_BUILD
// when set (Node 20 cannot run TypeScript), links public/ beside the compiled code, bundles the
// server's entry as `npm run build` does, then runs each benchmark in its own process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { binNodeOptions, bundle } from '../scripts/bundle.mjs';

const BENCHMARKS = ['site', 'archive', 'wordpress'];
const ON_REQUEST = ['render-cost', 'cold-start'];

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = process.env.BENCH_BUILD ? path.resolve(process.env.BENCH_BUILD) : path.join(root, 'node_modules', '.cache', 'broadside-bench');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BENCHMARKS.includes(name) && !ON_REQUEST.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${[...BENCHMARKS, ...ON_REQUEST].join(', ')}.`);
  process.exit(2);
}

// BENCH_SERVER_NODE_OPTIONS: the Node options of bin/broadside.js, for benchmarks that start the server.
const env = { ...process.env, BENCH_SERVER_NODE_OPTIONS: binNodeOptions(root).join(' ') };
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

console.log('Compiling src/ and bench/ …');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (run(process.execPath, [tsc, '-p', 'bench/tsconfig.json', '--outDir', out, '--tsBuildInfoFile', path.join(out, '.tsbuildinfo')]) !== 0) {
  process.exit(1);
}
// static-assets.js finds public/ two folders above itself, as it does in dist/.
const publicLink = path.join(out, 'public');
if (!fs.existsSync(publicLink)) fs.symlinkSync(path.join(root, 'public'), publicLink, 'dir');
// A BENCH_BUILD outside the project finds its packages through a link to node_modules.
const modulesLink = path.join(out, 'node_modules');
if (path.relative(root, out).startsWith('..') && !fs.existsSync(modulesLink)) fs.symlinkSync(path.join(root, 'node_modules'), modulesLink, 'dir');
// The server under load is what bin/broadside.js runs: src/bin.ts bundled as `npm run build` does,
// into bundle/broadside/ (two folders below public/, like dist/bundle/).
await bundle({ entry: path.join(root, 'src', 'bin.ts'), outdir: path.join(out, 'bundle', 'broadside'), name: 'broadside' });

let failed = 0;
for (const name of wanted.length ? wanted : BENCHMARKS) {
  console.log(`\n== bench/${name}.ts ==`);
  if (run(process.execPath, [path.join(out, 'bench', `${name}.js`)]) !== 0) failed++;
}
process.exit(failed ? 1 : 0);
