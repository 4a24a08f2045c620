import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWxr } from './wordpress-generate.js';

/**
 * WordPress import at size: a generated export of BENCH_WP_POSTS posts (20,000) and
 * BENCH_WP_COMMENTS comments (100,000) imported into a fresh SQLite site by the real command,
 * in a child process capped at --max-old-space-size=BENCH_WP_HEAP_MB (128). Reports wall time,
 * peak RSS and the summary in bench/results/wordpress.json and wordpress.md. BENCH_KEEP=1 keeps
 * the folder (export and database).
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.resolve('bench', 'results');
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const posts = num('BENCH_WP_POSTS', 20_000);
const comments = num('BENCH_WP_COMMENTS', 100_000);
const heapMb = num('BENCH_WP_HEAP_MB', 128);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-bench-wp-'));
const file = path.join(dir, 'export.xml');
let started = Date.now();
const bytes = await generateWxr(file, posts, comments);
console.log(`Generated ${(bytes / 1024 / 1024).toFixed(1)} MB (${posts} posts, ${comments} comments) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

started = Date.now();
const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, path.join(HERE, 'wordpress-child.js'), file], {
  env: { ...process.env, BROADSIDE_DATA: path.join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let stdout = '';
child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
const seconds = (Date.now() - started) / 1000;
const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { code: number; maxRssKb: number; summary: string[] };
const report = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  posts, comments, fileMb: Number((bytes / 1024 / 1024).toFixed(1)), heapCapMb: heapMb,
  exitCode: code, seconds: Number(seconds.toFixed(1)), peakRssMb: Number((result.maxRssKb / 1024).toFixed(1)),
  itemsPerSecond: Number((posts / seconds).toFixed(0)), summary: result.summary,
};
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, 'wordpress.json'), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(
  path.join(RESULTS, 'wordpress.md'),
  `# WordPress import benchmark\n\n${report.date} on ${report.machine} (SQLite).\n\n` +
    `| Posts | Comments | File | Heap cap | Exit | Time | Peak RSS | Posts/s |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n` +
    `| ${posts} | ${comments} | ${report.fileMb} MB | ${heapMb} MB | ${code} | ${report.seconds} s | ${report.peakRssMb} MB | ${report.itemsPerSecond} |\n\n` +
    `Summary:\n\n${report.summary.map((l) => `    ${l}`).join('\n')}\n`,
);
console.log(JSON.stringify(report, null, 2));
if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
