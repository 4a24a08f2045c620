/**
 * What every feed says, whatever it lists (posts or comments) and whatever its format.
 * A source builds a `FeedDocument`; `rss.ts`, `atom.ts` and `json-feed.ts` serialise it. URLs
 * here are absolute.
 */

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** Response content types, each with its charset. */
export const FEED_CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedPerson {
  name: string;
  /** Their page on the site; none for a commenter. */
  url?: string;
}

export interface FeedEntry {
  /** Stable identifier (a post's `guid`): never changes when the URL does. */
  id: string;
  url: string;
  title: string;
  authors: FeedPerson[];
  /** Category and tag names, categories first. */
  categories: string[];
  /** ISO 8601 UTC instants. */
  published: string;
  updated: string;
  /** Plain-text summary (a post's standfirst); may be empty. */
  summary: string;
  /** Full HTML content, or null when the feed carries summaries only. */
  contentHtml: string | null;
  /** Absolute URL of the entry's image, if any. */
  image: string | null;
  language: string;
}

export interface FeedDocument {
  title: string;
  /** Who publishes the feed (the site's title): the Atom author of entries that name none. */
  publisher: string;
  description: string;
  /** The page this feed follows (home, category page…). */
  homeUrl: string;
  /** This feed's URL in each format (self and alternate links). */
  feedUrls: Readonly<Record<FeedFormat, string>>;
  /** The language of the entries when the feed is narrowed to one, else the site's. */
  language: string;
  /** Newest `updated` of the entries, or the given fallback for an empty feed. ISO UTC. */
  updated: string;
  entries: FeedEntry[];
}
