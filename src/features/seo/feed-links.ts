import type { FeedLink } from '../../views/metadata.js';

/** The three feed formats and where each lives under a page's `feed/` path. */
const FORMATS = [
  { format: 'rss', suffix: '', type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', suffix: 'atom/', type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', suffix: 'json/', type: 'application/feed+json', label: 'JSON Feed' },
] as const;

export type FeedFormatName = (typeof FORMATS)[number]['format'];

/**
 * The path of the feed of a page: `/feed/`, `/category/x/feed/atom/`, `/tag/y/feed/json/`…
 * (WordPress's addresses). `pagePath` ends with a slash; `language` adds `?lang=xx`.
 */
export function feedPath(pagePath: string, format: FeedFormatName, language?: string): string {
  const suffix = FORMATS.find((f) => f.format === format)!.suffix;
  return `${pagePath}feed/${suffix}${language ? `?lang=${encodeURIComponent(language)}` : ''}`;
}

/** Autodiscovery links for a page's feeds in every format, titled "`title` (RSS)" and so on. */
export function feedLinks(title: string, pagePath: string, language?: string): FeedLink[] {
  return FORMATS.map((f) => ({ type: f.type, title: `${title} (${f.label})`, path: feedPath(pagePath, f.format, language) }));
}
