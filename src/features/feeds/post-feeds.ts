import type { Kysely } from 'kysely';
import { messagesFor } from '../../i18n/index.js';
import type { Clock } from '../../lib/clock.js';
import { escapeHtml } from '../../lib/html.js';
import type { DB } from '../../storage/schema.js';
import { authorPath, listPublished, type PostSummary } from '../posts/index.js';
import { feedPath } from '../seo/index.js';
import { loadSettings, type Settings } from '../site/index.js';
import type { FeedDocument, FeedEntry } from './feed-model.js';
import { loadPostEntryDetails, type PostEntryDetails } from './post-entries.js';
import { type FeedSubject, type FeedSubjectKind, findFeedSubject } from './subjects.js';

export interface PostFeedDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export interface PostFeedRequest {
  kind: FeedSubjectKind;
  /** Slug of the category, tag or author (ignored for the site). */
  slug: string;
  /** Only posts in this language. */
  language?: string;
}

/** Shown as `updated` by a feed with no entries, so that it stays the same between requests. */
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00.000Z';

/**
 * The feed of the newest visible posts (settings.feedItems of them) of the site or of a
 * category (with its descendants), tag or author, optionally in one language. Null when the
 * category, tag or author does not exist.
 */
export async function loadPostFeed(deps: PostFeedDeps, request: PostFeedRequest): Promise<FeedDocument | null> {
  const [settings, subject] = await Promise.all([loadSettings(deps.db), findFeedSubject(deps.db, request.kind, request.slug)]);
  if (!subject) return null;
  const { items } = await listPublished(deps.db, {
    ...subject.filter,
    ...(request.language ? { language: request.language } : {}),
    now: deps.clock.now().toISOString(),
    page: 1,
    perPage: settings.feedItems,
  });
  const details = await loadPostEntryDetails(deps.db, items.map((p) => p.id));
  const entries = items.map((post) => toEntry(post, details.get(post.id)!, settings));
  const base = settings.baseUrl;
  const language = request.language ?? settings.defaultLanguage;
  return {
    title: feedTitle(settings, subject, language),
    publisher: settings.title,
    description: subject.kind === 'site' ? settings.tagline : subject.description,
    homeUrl: base + subject.path + (request.language ? `?lang=${encodeURIComponent(request.language)}` : ''),
    feedUrls: {
      rss: base + feedPath(subject.path, 'rss', request.language),
      atom: base + feedPath(subject.path, 'atom', request.language),
      json: base + feedPath(subject.path, 'json', request.language),
    },
    language,
    updated: entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries.length ? '' : EMPTY_FEED_UPDATED),
    entries,
  };
}

/** "The Lantern" for the site, "The Lantern — Category: Labour" for a category, and so on. */
function feedTitle(settings: Settings, subject: FeedSubject, language: string): string {
  if (subject.kind === 'site') return settings.title;
  return `${settings.title} — ${messagesFor(language).archiveHeading(subject.kind, subject.name)}`;
}

function toEntry(post: PostSummary, details: PostEntryDetails, settings: Settings): FeedEntry {
  const base = settings.baseUrl;
  const image = details.featuredImageUrl;
  return {
    id: details.guid,
    url: base + post.path,
    title: post.title,
    authors: post.authors.map((a) => ({ name: a.name, url: base + authorPath(a.slug) })),
    categories: [...details.categories, ...details.tags],
    published: post.publishedAt,
    // A post published after its last edit (scheduled) was last updated, for a reader, when it appeared.
    updated: post.updatedAt > post.publishedAt ? post.updatedAt : post.publishedAt,
    summary: post.standfirst,
    contentHtml: settings.feedContent === 'full' ? fullContent(post, details) : null,
    image: image ? (image.startsWith('/') ? base + image : image) : null,
    language: post.language,
  };
}

/** The body, then the post-script under its heading in the post's language. */
function fullContent(post: PostSummary, details: PostEntryDetails): string {
  if (!details.postscriptHtml) return details.bodyHtml;
  const heading = escapeHtml(messagesFor(post.language).postscript);
  return `${details.bodyHtml}\n<h2>${heading}</h2>\n${details.postscriptHtml}`;
}
