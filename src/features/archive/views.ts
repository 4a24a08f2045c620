import { html } from '../../lib/html.js';
import { pagination } from '../../views/components.js';
import type { Frame } from '../../views/frame.js';
import { layout } from '../../views/layout.js';
import { type PostSummary, postList } from '../posts/index.js';
import { feedPath, termPageMetadata } from '../seo/index.js';
import { archivePagePath } from './date-paths.js';
import { languageNotice } from './date-views.js';
import type { TermPageSubject } from './terms.js';

export interface TermPageView {
  subject: TermPageSubject;
  basePath: string;
  /** The language the page is narrowed to (`?lang=`), if any. */
  language?: string;
  posts: PostSummary[];
  page: number;
  totalPages: number;
}

/**
 * A category, tag or author page: heading, description or bio, a visible link to its own feed
 * (narrowed to the page's language, like the autodiscovery links), teasers, pagination.
 */
export function renderTermPage(frame: Frame, view: TermPageView): string {
  const { t } = frame;
  const heading = t.archiveHeading(view.subject.kind, view.subject.name);
  const pathFor = (n: number) => archivePagePath(view.basePath, n, view.language);
  const main = html`<header class="archive-header">
<h1>${heading}</h1>
${view.subject.description ? html`<p class="description">${view.subject.description}</p>` : ''}
<p class="feed-link"><a href="${feedPath(view.basePath, 'rss', view.language)}" type="application/rss+xml">${t.archiveFeed(view.subject.kind)}</a></p>
${languageNotice(frame, view.language, view.basePath)}
</header>
${postList(view.posts, frame)}
${pagination(view.page, view.totalPages, pathFor, frame)}`;
  return layout(
    frame,
    {
      title: view.page === 1 ? heading : `${heading} · ${t.pageOf(view.page, view.totalPages)}`,
      description: view.subject.description || heading,
      canonicalPath: pathFor(view.page),
      ...termPageMetadata(frame, view),
    },
    main,
  );
}
