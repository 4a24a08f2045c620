import { formatDate, formatList, messagesFor } from '../i18n/index.js';
import { html, type SafeHtml } from '../lib/html.js';
import type { Frame } from './frame.js';

/** `<time datetime>` showing the date in the site's time zone and the given language. */
export function dateline(instant: string, lang: string, frame: Frame): SafeHtml {
  return html`<time datetime="${instant}">${formatDate(instant, lang, frame.settings.timeZone)}</time>`;
}

/** "By Anna Keller and Timur Belov", each name linking to the author's page. */
export function byline(authors: { name: string; slug: string }[], lang: string): SafeHtml {
  if (authors.length === 0) return html``;
  // ListFormat places the separators; we then swap each plain name for its link.
  const marker = (i: number) => `\u0000${i}\u0000`;
  const joined = formatList(authors.map((_, i) => marker(i)), lang);
  const parts = messagesFor(lang).byline(joined).split(/\u0000(\d+)\u0000/);
  return html`<span class="byline">${parts.map((part, i) =>
    i % 2 === 1 ? html`<a href="/author/${authors[Number(part)]!.slug}/" rel="author">${authors[Number(part)]!.name}</a>` : part,
  )}</span>`;
}

/** Links to newer/older pages; `pathFor(n)` builds the URL of page n. */
export function pagination(
  page: number,
  totalPages: number,
  pathFor: (n: number) => string,
  frame: Frame,
): SafeHtml {
  if (totalPages <= 1) return html``;
  const { t } = frame;
  return html`<nav class="pagination" aria-label="${t.pagination}">
${page > 1 ? html`<a href="${pathFor(page - 1)}" rel="prev">← ${t.newerArticles}</a>` : ''}
<span>${t.pageOf(page, totalPages)}</span>
${page < totalPages ? html`<a href="${pathFor(page + 1)}" rel="next">${t.olderArticles} →</a>` : ''}
</nav>`;
}
