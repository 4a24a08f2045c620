import { diffLines } from 'diff';
import type { PostInput } from './input.js';

/** One line of a comparison: kept, added in the newer revision, or removed from the older one. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed' | 'skipped';
  /** The line's text; for `skipped`, how many unchanged lines were folded away. */
  text: string;
}

export interface FieldDiff {
  field: 'title' | 'standfirst' | 'body' | 'postscript';
  label: string;
  changed: boolean;
  lines: DiffLine[];
}

const FIELDS = [
  ['title', 'Title'],
  ['standfirst', 'Standfirst'],
  ['body', 'Body'],
  ['postscript', 'Post-script'],
] as const;

/** Unchanged lines shown around each change; longer unchanged runs are folded. */
const CONTEXT = 2;

/**
 * A line-by-line comparison of the words of two revisions (title, standfirst, body,
 * post-script), older first, with long unchanged stretches folded.
 */
export function compareRevisions(older: PostInput, newer: PostInput): FieldDiff[] {
  return FIELDS.map(([field, label]) => {
    const lines = lineDiff(older[field] ?? '', newer[field] ?? '');
    return { field, label, changed: lines.some((l) => l.kind !== 'same'), lines: fold(lines) };
  });
}

function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(normalise(before), normalise(after))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const text of change.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  return lines;
}

/** Same line endings, and a final newline, so "last line" edits read as line changes. */
function normalise(text: string): string {
  const unix = text.replace(/\r\n?/g, '\n');
  return unix === '' || unix.endsWith('\n') ? unix : `${unix}\n`;
}

/** Keeps CONTEXT unchanged lines around each change and folds the rest into `skipped` markers. */
function fold(lines: DiffLine[]): DiffLine[] {
  const keep = lines.map((l) => l.kind !== 'same');
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(lines.length - 1, i + CONTEXT); j++) keep[j] = true;
  });
  const out: DiffLine[] = [];
  let skipped = 0;
  const flush = () => {
    if (skipped > 0) out.push({ kind: 'skipped', text: String(skipped) });
    skipped = 0;
  };
  lines.forEach((line, i) => {
    if (keep[i]) {
      flush();
      out.push(line);
    } else {
      skipped++;
    }
  });
  flush();
  return out;
}
