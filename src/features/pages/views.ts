import { html, raw } from '../../lib/html.js';
import type { Frame } from '../../views/frame.js';
import { layout } from '../../views/layout.js';
import type { PublicPage } from './service.js';

export function renderPage(frame: Frame, page: PublicPage): string {
  return layout(
    frame,
    { title: page.title, canonicalPath: `/${page.slug}/` },
    html`<article class="page">
<h1>${page.title}</h1>
<div class="body">${raw(page.bodyHtml)}</div>
</article>`,
  );
}
