/**
 * Shapes of the demo site's content. The demo newsroom is fictional and every text in it was
 * written for Broadside. Seeding (`broadside seed-demo`) reads these and is idempotent: each item
 * has a stable `key` (posts) or `slug` (everything else).
 */

export type DemoLanguage = 'en' | 'ru';

export interface DemoSite {
  title: string;
  tagline: string;
  /** IANA time zone of the newsroom. */
  timeZone: string;
  defaultLanguage: DemoLanguage;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  bio: string;
}

export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
  /** Slug of the parent category, for hierarchy. */
  parent?: string;
}

export interface DemoPage {
  slug: string;
  title: string;
  language: DemoLanguage;
  /** Markdown. */
  body: string;
}

export interface DemoPost {
  /** Stable identity used to seed idempotently; never shown. */
  key: string;
  /** URL slug: lowercase ASCII letters, digits and hyphens (Russian posts use a transliterated slug). */
  slug: string;
  language: DemoLanguage;
  title: string;
  /** The one-line summary shown under the headline. */
  standfirst: string;
  /** Markdown body (CommonMark, tables and footnotes allowed). */
  body: string;
  /** Optional post-script in Markdown, shown under its own heading. */
  postscript?: string;
  /** ISO 8601 UTC timestamp, e.g. '2025-03-14T08:30:00Z'. */
  publishedAt: string;
  /** Author slugs, first is the lead author. */
  authors: string[];
  /** Category slugs. */
  categories: string[];
  /** Tag names, in the post's language or English. */
  tags: string[];
  /** `key` of the post this one translates (same article in another language). */
  translationOf?: string;
  commentStatus?: 'open' | 'closed';
}
