import fs from 'node:fs';
import type { LoadResult } from './load.js';

/** The targets of issue #9 on a 2-core machine. */
export const TARGETS = Object.freeze({
  cachedArticleVsStatic: 0.6,
  uncachedArticleRps: 3000,
  p99Ms: 50,
  peakRssMb: 150,
  coldStartMs: 1000,
});

/** What bench/site.ts measured; also written as JSON beside the report. */
export interface SiteResults {
  date: string;
  command: string;
  machine: { node: string; cpu: string; cpus: number; platform: string; loadAverage: number[] };
  database: { dialect: string; bytes: number };
  generation: {
    posts: number; visible: number; comments: number; approvedComments: number; categories: number; years: number;
    postsMs: number; commentsMs: number; totalMs: number;
  };
  load: { tool: string | undefined; seconds: number; connections: number };
  baseline: LoadResult & { name: string; path: string; bytes: number };
  pages: (LoadResult & { name: string; path: string; method: 'GET' | 'POST'; bytes: number })[];
  server: {
    coldStartMs: { cacheOn: number; cacheOff: number; static: number };
    peakRssMb: { cacheOn: number; cacheOff: number; static: number };
  };
  targets: typeof TARGETS;
}

const ratio = (n: number, of: number) => `${(n / of).toFixed(2)}×`;
const ok = (met: boolean) => (met ? 'met' : '**missed**');

/** The target checks: what was asked, what was measured, whether it was met. */
export function targetRows(r: SiteResults): [string, string, boolean][] {
  const find = (name: string) => r.pages.find((p) => p.name === name);
  const cached = find('article (cached)');
  const uncached = find('article (cache off)');
  const worstP99 = Math.max(...r.pages.map((p) => p.p99));
  const peak = Math.max(r.server.peakRssMb.cacheOn, r.server.peakRssMb.cacheOff);
  const cold = Math.max(r.server.coldStartMs.cacheOn, r.server.coldStartMs.cacheOff);
  return [
    [`cached article ≥ ${TARGETS.cachedArticleVsStatic * 100}% of static req/s`, cached ? ratio(cached.rps, r.baseline.rps) : 'n/a', !!cached && cached.rps >= TARGETS.cachedArticleVsStatic * r.baseline.rps],
    [`article, cache off ≥ ${TARGETS.uncachedArticleRps} req/s`, uncached ? `${Math.round(uncached.rps)} req/s` : 'n/a', !!uncached && uncached.rps >= TARGETS.uncachedArticleRps],
    [`p99 < ${TARGETS.p99Ms} ms on every page`, `worst ${worstP99} ms (${r.pages.find((p) => p.p99 === worstP99)?.name})`, worstP99 < TARGETS.p99Ms],
    [`peak RSS < ${TARGETS.peakRssMb} MB`, `${peak} MB`, peak < TARGETS.peakRssMb],
    [`cold start < ${TARGETS.coldStartMs} ms`, `${cold} ms`, cold < TARGETS.coldStartMs],
  ];
}

/** Writes the Markdown report and returns its main table (also printed by the benchmark). */
export function writeSiteReport(file: string, r: SiteResults): string {
  const b = r.baseline;
  const rows = [b, ...r.pages].map((p) => {
    const codes = p.statusCodes ? Object.entries(p.statusCodes).map(([c, n]) => `${c}×${n}`).join(' ') : '';
    return `| ${p.name} | \`${p.path}\` | ${Math.round(p.rps)} | ${ratio(p.rps, b.rps)} | ${p.p50} | ${ratio(p.p50, Math.max(b.p50, 1))} | ${p.p99} | ${ratio(p.p99, Math.max(b.p99, 1))} | ${codes} |`;
  });
  const table = [
    '| Page | Path | Req/s | vs static | p50 (ms) | p50 vs static | p99 (ms) | p99 vs static | Responses |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
  const servers = serverTable(r);
  const g = r.generation;
  const lines = [
    '# Site benchmark',
    '',
    `Run on ${r.date.slice(0, 10)} with \`${r.command}\`: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.platform}, Node ${r.machine.node}; ` +
      `load average at the start ${r.machine.loadAverage.join(', ')} (other work on the machine lowers every figure).`,
    '',
    `${r.database.dialect} database of ${g.posts.toLocaleString('en')} posts over ${g.years} years (${g.visible.toLocaleString('en')} visible), ` +
      `${g.comments.toLocaleString('en')} comments (${g.approvedComments.toLocaleString('en')} approved) and ${g.categories} categories: ` +
      `${(r.database.bytes / 1024 / 1024).toFixed(0)} MB, generated in ${(g.totalMs / 1000).toFixed(1)} s ` +
      `(posts ${(g.postsMs / 1000).toFixed(1)} s, comments ${(g.commentsMs / 1000).toFixed(1)} s).`,
    '',
    `Broadside runs as its own process (\`serve\`, one process, LOG_LEVEL=warn); ${r.load.tool} loads each page from another process over loopback ` +
      `with ${r.load.connections} connections for ${r.load.seconds} s after a warm-up. The baseline is the same article's HTML served from memory ` +
      'by a minimal node:http server. The comment POST answers 303 (held for moderation); the comment limits were raised for it.',
    '',
    table,
    '',
    servers,
    '',
    '## Targets (issue #9)',
    '',
    '| Target | Measured | |',
    '| --- | --- | --- |',
    ...targetRows(r).map(([target, measured, met]) => `| ${target} | ${measured} | ${ok(met)} |`),
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'));
  return `${table}\n\n${servers}\n\n${targetRows(r).map(([t, m, met]) => `${met ? 'met   ' : 'MISSED'}  ${t}: ${m}`).join('\n')}`;
}

/** Cold start and peak memory of each server, each also as a ratio to the static baseline's. */
function serverTable(r: SiteResults): string {
  const { coldStartMs: cold, peakRssMb: rss } = r.server;
  const row = (name: string, ms: number, mb: number) => `| ${name} | ${ms} ms | ${ratio(ms, cold.static)} | ${mb} MB | ${ratio(mb, rss.static)} |`;
  return [
    '| Server | Cold start (spawn → first 200) | vs static | Peak RSS (VmHWM) | vs static |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('Broadside, page cache on', cold.cacheOn, rss.cacheOn),
    row('Broadside, page cache off', cold.cacheOff, rss.cacheOff),
    row('static baseline', cold.static, rss.static),
  ].join('\n');
}
