import { el, toXmlDocument } from './xml.js';
import type { FeedDocument, FeedEntry } from './feed-model.js';

/**
 * Atom 1.0 (RFC 4287). The feed id is its own URL; entry ids are the stable GUIDs. HTML
 * content is sent as escaped text (`type="html"`), so no markup can break the document.
 */
export function renderAtom(feed: FeedDocument): string {
  return toXmlDocument(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.language },
      el('id', {}, feed.feedUrls.atom),
      el('title', {}, feed.title),
      feed.description ? el('subtitle', {}, feed.description) : null,
      el('updated', {}, feed.updated),
      el('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
      el('link', { rel: 'self', type: 'application/atom+xml', href: feed.feedUrls.atom }),
      // Atom needs an author for entries that have none; the site speaks for them.
      el('author', {}, el('name', {}, feed.publisher)),
      el('generator', {}, 'Broadside'),
      feed.entries.map(entry),
    ),
  );
}

function entry(e: FeedEntry) {
  return el(
    'entry',
    { 'xml:lang': e.language },
    el('id', {}, e.id),
    el('title', {}, e.title),
    el('link', { rel: 'alternate', type: 'text/html', href: e.url }),
    el('published', {}, e.published),
    el('updated', {}, e.updated),
    e.authors.map((a) => el('author', {}, el('name', {}, a.name), a.url ? el('uri', {}, a.url) : null)),
    e.categories.map((c) => el('category', { term: c })),
    e.summary ? el('summary', {}, e.summary) : null,
    e.contentHtml !== null ? el('content', { type: 'html' }, e.contentHtml) : null,
  );
}
