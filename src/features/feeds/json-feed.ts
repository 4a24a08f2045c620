import { escapeHtml } from '../../lib/html.js';
import type { FeedDocument, FeedEntry } from './feed-model.js';

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Every item has `content_html` (the full
 * content, or the summary as a paragraph when the site sends summaries) since the spec needs
 * one of `content_html` / `content_text`.
 */
export function renderJsonFeed(feed: FeedDocument): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.feedUrls.json,
      ...(feed.description ? { description: feed.description } : {}),
      language: feed.language,
      items: feed.entries.map(item),
    },
    null,
    2,
  )}\n`;
}

function item(entry: FeedEntry) {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    content_html: entry.contentHtml ?? (entry.summary ? `<p>${escapeHtml(entry.summary)}</p>` : ''),
    ...(entry.summary ? { summary: entry.summary } : {}),
    ...(entry.image ? { image: entry.image } : {}),
    date_published: entry.published,
    date_modified: entry.updated,
    authors: entry.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })),
    tags: entry.categories,
    language: entry.language,
  };
}

