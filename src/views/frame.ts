import type { Messages } from '../i18n/index.js';
import type { SafeHtml } from '../lib/html.js';
import type { Settings } from '../features/site/settings.js';
import type { FeedLink, JsonLd, OpenGraph } from './metadata.js';

/** What every public page needs around its content: settings, language, menu. */
export interface Frame {
  settings: Settings;
  /** Language of the page's interface strings and `<html lang>`. */
  lang: string;
  t: Messages;
  /** Menu links; `lang` is the linked page's language (marked when it differs from the page's). */
  nav: { title: string; path: string; lang: string }[];
  /** Versioned URL of the stylesheet. */
  stylesheet: string;
  /** The sidebar's widgets (calendar, monthly archive); the layout adds no sidebar without them. */
  sidebar?: SafeHtml;
  /** What the sidebar shows besides the database (archive's `sidebarKey`): the page cache keeps it apart under this key. */
  sidebarKey?: string;
  /** Blocks other features place around the content (donation appeals); none without it. */
  blocks?: PageBlocks;
}

/** Blocks placed after an article and on the home page; each renders '' when there are none. */
export interface PageBlocks {
  /** After the body of an article in `language` filed under `categories`. */
  afterArticle(article: { language: string; categories: readonly { slug: string }[] }): SafeHtml;
  /** On the first page of the home page. */
  home(): SafeHtml;
}

/** Metadata of one page. */
export interface PageMeta {
  title: string;
  description?: string;
  /** Path (starting with /) of the canonical URL; the base URL is added. */
  canonicalPath?: string;
  alternates?: { hreflang: string; path: string }[];
  /** Tells robots not to index (404 and error pages). */
  noindex?: boolean;
  /** Feeds of this page, for autodiscovery links. */
  feeds?: FeedLink[];
  /**
   * A marker after the feed links that a feature fills per request with more of them (an
   * article's comment feeds: `commentSlots.feeds`), so the page itself stays cacheable.
   */
  feedSlot?: string;
  /** OpenGraph facts; without them the page is an og:type "website" made from the fields above. */
  openGraph?: OpenGraph;
  /** JSON-LD block(s) for the head. */
  jsonLd?: JsonLd | JsonLd[];
}
