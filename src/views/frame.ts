import type { Messages } from '../i18n/index.js';
import type { Settings } from '../features/site/settings.js';

/** What every public page needs around its content: settings, language, menu. */
export interface Frame {
  settings: Settings;
  /** Language of the page's interface strings and `<html lang>`. */
  lang: string;
  t: Messages;
  nav: { title: string; path: string }[];
  /** Versioned URL of the stylesheet. */
  stylesheet: string;
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
}
