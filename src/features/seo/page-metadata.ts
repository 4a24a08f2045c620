import type { Frame, PageMeta } from '../../views/frame.js';
import { feedLinks } from './feed-links.js';
import { collectionPageJsonLd } from './structured-data.js';

/** What a category, tag or author page shows (the archive's `TermPageView` fits). */
export interface TermPageFacts {
  subject: { kind: 'category' | 'tag' | 'author'; name: string; description: string };
  /** `/category/x/`, ending with a slash. */
  basePath: string;
  /** The language the page is narrowed to (`?lang=`), if any. */
  language?: string;
}

/** The site's own feeds, for autodiscovery on every page that has no feed of its own. */
export function siteFeeds(frame: Frame): NonNullable<PageMeta['feeds']> {
  return feedLinks(frame.settings.title, '/');
}

/**
 * The metadata a category, tag or author page adds to its PageMeta: its feeds (narrowed to its
 * language, like the page) then the site's, and a CollectionPage.
 */
export function termPageMetadata(frame: Frame, view: TermPageFacts): Pick<PageMeta, 'feeds' | 'jsonLd'> {
  const heading = frame.t.archiveHeading(view.subject.kind, view.subject.name);
  return {
    feeds: [...feedLinks(`${frame.settings.title} — ${heading}`, view.basePath, view.language), ...siteFeeds(frame)],
    jsonLd: collectionPageJsonLd(frame.settings, {
      name: heading,
      path: view.basePath,
      description: view.subject.description,
      language: view.language ?? frame.lang,
    }),
  };
}

/**
 * The metadata of any other archive page (a year, month or day): the site's feeds and a
 * CollectionPage. `path` is the page's canonical path; `language` the one it is narrowed to.
 */
export function archivePageMetadata(frame: Frame, page: { name: string; path: string; language?: string }): Pick<PageMeta, 'feeds' | 'jsonLd'> {
  return {
    feeds: siteFeeds(frame),
    jsonLd: collectionPageJsonLd(frame.settings, { name: page.name, path: page.path, language: page.language ?? frame.lang }),
  };
}
