import type { importWordpress } from './wordpress-import.js';

/**
 * The WordPress importer (its XML parser, HTML parser and HTML-to-Markdown converter), loaded
 * when an import starts: a process that serves pages never needs it, and it is a fair share of
 * what Node would otherwise read at start-up.
 */
export async function loadImportWordpress(): Promise<typeof importWordpress> {
  return (await import('./wordpress-import.js')).importWordpress;
}
