import type { Progress, ProgressListener, SectionCounts } from './export-json.js';

/**
 * A progress listener printing at most one line a second (`  posts 12000/20000`), so long
 * exports and imports show they are moving while short ones stay quiet.
 */
export function throttledProgress(print: (line: string) => void, everyMs = 1000, now = () => Date.now()): ProgressListener {
  let last = now();
  return (p: Progress) => {
    if (now() - last < everyMs) return;
    last = now();
    print(`  ${p.section} ${p.done}${p.total === undefined ? '' : `/${p.total}`}`);
  };
}

/** `posts 42, comments 7, …` for the sections that have rows. */
export function describeCounts(counts: SectionCounts): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
