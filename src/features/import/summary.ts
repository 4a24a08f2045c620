/** What an import did: counts per kind, warnings naming their item, unknown shortcodes. */
export interface ImportSummary {
  /** Rows written, per kind (`post`, `comment`, `redirect`…). */
  imported: Record<string, number>;
  /** Items already imported by an earlier run, per kind. */
  alreadyThere: Record<string, number>;
  /** Items deliberately not imported, per reason (`nav_menu_item`, `pingback`…). */
  skipped: Record<string, number>;
  warnings: { item: string; message: string }[];
  /** Unknown shortcode name → the items that use it. */
  unknownShortcodes: Record<string, string[]>;
}

export function emptySummary(): ImportSummary {
  return { imported: {}, alreadyThere: {}, skipped: {}, warnings: [], unknownShortcodes: {} };
}

export function count(bucket: Record<string, number>, kind: string, n = 1): void {
  bucket[kind] = (bucket[kind] ?? 0) + n;
}

/** Most warnings kept; beyond that only counted, so a huge import cannot fill memory with them. */
export const MAX_WARNINGS = 5000;

export function warn(summary: ImportSummary, item: string, message: string): void {
  if (summary.warnings.length < MAX_WARNINGS) summary.warnings.push({ item, message });
  else count(summary.skipped, 'warnings not listed');
}

/** Lines for a terminal or the admin page: counts first, then each warning with its item. */
const ORDER = ['author', 'category', 'tag', 'post', 'page', 'attachment', 'comment', 'pingback', 'trackback', 'redirect', 'file copied'];
const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);

/** A bucket's counts in reading order: authors and terms, then items, comments, redirects. */
export function countsInOrder(bucket: Record<string, number>): [string, number][] {
  return Object.entries(bucket).sort(([a], [b]) => rank(a) - rank(b));
}

export function describeSummary(summary: ImportSummary): string[] {
  const list = (bucket: Record<string, number>) =>
    countsInOrder(bucket)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ') || 'nothing';
  const lines = [`Imported: ${list(summary.imported)}.`];
  if (Object.keys(summary.alreadyThere).length) lines.push(`Already imported before: ${list(summary.alreadyThere)}.`);
  if (Object.keys(summary.skipped).length) lines.push(`Skipped: ${list(summary.skipped)}.`);
  for (const [name, items] of Object.entries(summary.unknownShortcodes)) {
    lines.push(`Unknown shortcode [${name}] left as text in ${items.length} item(s): ${items.slice(0, 5).join('; ')}${items.length > 5 ? '; …' : ''}`);
  }
  for (const w of summary.warnings) lines.push(`Warning: ${w.item}: ${w.message}`);
  return lines;
}
