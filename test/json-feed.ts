import { expect } from 'vitest';

/**
 * A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/): the fields our tests read.
 * The npm feed parser used for RSS and Atom does not read JSON Feed, so `parseJsonFeed` checks
 * the spec's rules itself.
 */
export interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language?: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  content_text?: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors: { name: string; url?: string }[];
  tags: string[];
  language?: string;
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE = /^https?:\/\/[^\s]+$/;

/**
 * Parses a JSON Feed and fails the test unless it follows the spec: the 1.1 version URL; a title;
 * items, each with a string id unique in the feed and `content_html` or `content_text`; dates in
 * RFC 3339; URLs absolute; authors with a name or URL; tags strings. Also, as 1.1 says, no
 * 1.0-only `author` object.
 */
export function parseJsonFeed(body: string): JsonFeed {
  const feed = JSON.parse(body) as JsonFeed & Record<string, unknown>;
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  expect(Array.isArray(feed.items)).toBe(true);
  for (const url of [feed.home_page_url, feed.feed_url]) expect(url).toMatch(ABSOLUTE);
  expect(feed.author).toBeUndefined();
  const ids = new Set<string>();
  for (const item of feed.items as (JsonFeedItem & Record<string, unknown>)[]) {
    expect(typeof item.id).toBe('string');
    expect(ids.has(item.id), `duplicate id ${item.id}`).toBe(false);
    ids.add(item.id);
    expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
    expect(item.url).toMatch(ABSOLUTE);
    if (item.image !== undefined) expect(item.image).toMatch(ABSOLUTE);
    for (const date of [item.date_published, item.date_modified]) expect(date).toMatch(RFC_3339);
    expect(item.author).toBeUndefined();
    for (const author of item.authors) expect(typeof author.name === 'string' || typeof author.url === 'string').toBe(true);
    for (const tag of item.tags ?? []) expect(typeof tag).toBe('string');
  }
  return feed;
}
