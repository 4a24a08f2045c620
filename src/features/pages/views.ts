import { html, raw } from '../../lib/html.js';
import { describeHtml } from '../../lib/html-text.js';
import type { Frame } from '../../views/frame.js';
import { layout } from '../../views/layout.js';
import { siteFeeds, webPageJsonLd } from '../seo/index.js';
import type { PublicPage } from './service.js';

/** A static page: described by its first paragraph, a WebPage in JSON-LD, with the site's feeds. */
export function renderPage(frame: Frame, page: PublicPage): string {
  const path = `/${page.slug}/`;
  const description = describeHtml(page.bodyHtml);
  return layout(
    frame,
    {
      title: page.title,
      description,
      canonicalPath: path,
      feeds: siteFeeds(frame),
      jsonLd: webPageJsonLd(frame.settings, { name: page.title, path, description, language: page.language, dateModified: page.updatedAt }),
    },
    html`<article class="page">
<h1>${page.title}</h1>
<div class="body">${raw(page.bodyHtml)}</div>
</article>`,
  );
}
