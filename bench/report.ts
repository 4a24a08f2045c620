import fs from 'node:fs';
import type { LoadResult } from './load.js';

/** What bench/archive.ts measured; also written as JSON beside the report. */
export interface ArchiveResults {
  date: string;
  machine: { node: string; cpu: string; cpus: number; platform: string; loadAverage: number[] };
  database: { dialect: string; bytes: number };
  archive: { posts: number; visible: number; authors: number; years: number; timeZone: string; generationMs: number };
  load: { tool: string | undefined; seconds: number; connections: number };
  pages: (LoadResult & { name: string; path: string; bytes: number })[];
  queries: { name: string; p50: number; p99: number }[];
}

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

/** Writes the results as a Markdown page: the set-up, then one table for pages and one for queries. */
export function writeReport(file: string, r: ArchiveResults): void {
  const home = r.pages[0];
  const lines = [
    '# Archive benchmark',
    '',
    `Run on ${r.date.slice(0, 10)} with \`npm run bench:archive\`: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.platform}, ` +
      `Node ${r.machine.node}; load average at the start ${r.machine.loadAverage.join(', ')} (other work on the machine inflates every number).`,
    '',
    `SQLite database of ${r.archive.posts.toLocaleString('en')} posts (${r.archive.visible.toLocaleString('en')} visible) over ` +
      `${r.archive.years} years by ${r.archive.authors} authors, site time zone ${r.archive.timeZone}; ` +
      `${(r.database.bytes / 1024 / 1024).toFixed(0)} MB, generated in ${(r.archive.generationMs / 1000).toFixed(1)} s ` +
      `(${Math.round(r.archive.posts / (r.archive.generationMs / 1000)).toLocaleString('en')} posts/s).`,
    '',
    `## Pages`,
    '',
    `Load from a separate process with ${r.load.tool} over loopback: ${r.load.connections} connections for ${r.load.seconds} s per page. ` +
      'Every page carries the sidebar (calendar and monthly list).',
    '',
    '| Page | Path | p50 (ms) | p99 (ms) | Requests/s | vs home | HTML (KB) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.pages.map(
      (p) =>
        `| ${p.name} | \`${p.path}\` | ${ms(p.p50)} | ${ms(p.p99)} | ${Math.round(p.rps)} | ` +
        `${home ? `${(p.rps / home.rps).toFixed(2)}×` : ''} | ${(p.bytes / 1024).toFixed(1)} |`,
    ),
    '',
    '## Queries',
    '',
    'Each query alone, in-process, 200 runs after 20 warm-up runs.',
    '',
    '| Query | p50 (ms) | p99 (ms) |',
    '| --- | ---: | ---: |',
    ...r.queries.map((q) => `| ${q.name} | ${ms(q.p50)} | ${ms(q.p99)} |`),
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'));
}
