import { cdata, el, toXmlDocument } from './xml.js';
import type { FeedDocument, FeedEntry } from './feed-model.js';

/**
 * RSS 2.0 with the namespaces readers expect: `content:encoded` for full HTML, `dc:creator`
 * for authors (RSS's own `author` demands an email address, which we never publish),
 * `dcterms:modified` for the updated time and `atom:link rel="self"`.
 */
export function renderRss(feed: FeedDocument): string {
  return toXmlDocument(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:dcterms': 'http://purl.org/dc/terms/',
      },
      el(
        'channel',
        {},
        el('title', {}, feed.title),
        el('link', {}, feed.homeUrl),
        el('description', {}, feed.description || feed.title),
        el('atom:link', { href: feed.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }),
        el('language', {}, feed.language),
        el('lastBuildDate', {}, rfc822(feed.updated)),
        el('generator', {}, 'Broadside'),
        feed.entries.map(item),
      ),
    ),
  );
}

function item(entry: FeedEntry) {
  return el(
    'item',
    {},
    el('title', {}, entry.title),
    el('link', {}, entry.url),
    el('guid', { isPermaLink: 'false' }, entry.id),
    entry.authors.map((a) => el('dc:creator', {}, a.name)),
    entry.categories.map((c) => el('category', {}, c)),
    el('pubDate', {}, rfc822(entry.published)),
    el('dcterms:modified', {}, entry.updated),
    entry.summary ? el('description', {}, entry.summary) : null,
    entry.contentHtml !== null ? el('content:encoded', {}, cdata(entry.contentHtml)) : null,
  );
}

/** RFC 822 date-time as RSS wants it: `Thu, 15 Jan 2026 10:00:00 GMT`. */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}
