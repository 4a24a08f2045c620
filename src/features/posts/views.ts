import { languageName, messagesFor } from '../../i18n/index.js';
import { html, raw, type SafeHtml } from '../../lib/html.js';
import { byline, dateline, pagination } from '../../views/components.js';
import type { Frame } from '../../views/frame.js';
import { layout } from '../../views/layout.js';
import { articleOpenGraph, newsArticleJsonLd, siteFeeds, webSiteJsonLd } from '../seo/index.js';
import { categoryPath, tagPath } from './paths.js';
import type { PostSummary, PublishedPost } from './read.js';

/** One teaser in a list of articles: headline, standfirst, byline, date. */
export function postTeaser(post: PostSummary, frame: Frame, level: 2 | 3 = 2): SafeHtml {
  const headline = html`<a href="${post.path}">${post.title}</a>`;
  return html`<li><article class="teaser"${post.language !== frame.lang ? html` lang="${post.language}"` : ''}>
${level === 2 ? html`<h2>${headline}</h2>` : html`<h3>${headline}</h3>`}
${post.standfirst ? html`<p class="standfirst">${post.standfirst}</p>` : ''}
<p class="meta">${byline(post.authors, post.language)} · ${dateline(post.publishedAt, post.language, frame)}${raw(commentSlots.teaser(post))}</p>
</article></li>`;
}

/** A list of teasers, or a friendly line when there is nothing. `level` is the headlines' heading level. */
export function postList(posts: PostSummary[], frame: Frame, level: 2 | 3 = 2): SafeHtml {
  if (posts.length === 0) return html`<p class="empty">${frame.t.noArticles}</p>`;
  return html`<ol class="posts">${posts.map((p) => postTeaser(p, frame, level))}</ol>`;
}

export interface HomeView {
  posts: PostSummary[];
  page: number;
  totalPages: number;
}

export function renderHome(frame: Frame, view: HomeView): string {
  const { t, settings } = frame;
  const main = html`<h1 class="${view.page === 1 ? 'visually-hidden' : ''}">${
    view.page === 1 ? t.latestArticles : `${t.latestArticles} · ${t.pageOf(view.page, view.totalPages)}`
  }</h1>
${postList(view.posts, frame)}
${view.page === 1 ? frame.blocks?.home() ?? '' : ''}
${pagination(view.page, view.totalPages, (n) => (n === 1 ? '/' : `/page/${n}/`), frame)}`;
  return layout(
    frame,
    {
      title: view.page === 1 ? settings.title : `${t.latestArticles} · ${t.pageOf(view.page, view.totalPages)}`,
      description: settings.tagline,
      canonicalPath: view.page === 1 ? '/' : `/page/${view.page}/`,
      feeds: siteFeeds(frame),
      jsonLd: webSiteJsonLd(settings),
    },
    main,
  );
}

export interface ArticleView {
  post: PublishedPost;
  previous: PostSummary | null;
  next: PostSummary | null;
  /**
   * The comment section and count (features/comments). Without it the page carries
   * `commentSlots` markers, which the comments feature fills per request.
   */
  comments?: { count: number; section: SafeHtml };
}

/** Placeholders for the per-visitor comment section and the header's comment count. */
export const commentSlots = Object.freeze({
  count: (postId: number) => `<!--comment-count:${postId}-->`,
  section: (postId: number) => `<!--comments:${postId}-->`,
  /** The article's comment feeds in the head, announced when its comments are open or it has some. */
  feeds: (postId: number) => `<!--comment-feeds:${postId}-->`,
  /** A teaser's count, filled for every teaser of a page with one query. */
  teaser: (post: { id: number; language: string; path: string }) => `<!--teaser-comments:${post.id}:${post.language}:${post.path}-->`,
});

/** The article page. `frame.lang` must already be the article's language. */
export function renderArticle(frame: Frame, { post, previous, next, comments }: ArticleView): string {
  const t = messagesFor(post.language);
  const updated = post.updatedAt.slice(0, 10) > post.publishedAt.slice(0, 10);
  const main = html`<article class="article">
<header>
<h1>${post.title}</h1>
${post.standfirst ? html`<p class="standfirst">${post.standfirst}</p>` : ''}
<p class="meta">${byline(post.authors, post.language)} · ${dateline(post.publishedAt, post.language, frame)}${
    updated ? html` · <span class="updated">${t.updated} ${dateline(post.updatedAt, post.language, frame)}</span>` : ''
  }${comments ? html` · <a class="comment-count" href="#comments">${t.comments.count(comments.count)}</a>` : raw(commentSlots.count(post.id))}</p>
${post.translations.length ? translationLinks(post, frame) : ''}
</header>
${post.featuredImage ? featuredImage(post.featuredImage) : ''}
<div class="body">${raw(post.bodyHtml)}</div>
${post.postscriptHtml ? html`<section class="postscript" aria-labelledby="postscript-heading">
<h2 id="postscript-heading">${t.postscript}</h2>
${raw(post.postscriptHtml)}
</section>` : ''}
<footer>
${post.categories.length ? html`<p class="terms"><span>${t.categories}:</span> ${termLinks(post.categories, categoryPath)}</p>` : ''}
${post.tags.length ? html`<p class="terms"><span>${t.tags}:</span> ${termLinks(post.tags, tagPath)}</p>` : ''}
</footer>
</article>
${frame.blocks?.afterArticle(post) ?? ''}
${comments ? comments.section : raw(commentSlots.section(post.id))}
${previous || next ? html`<nav class="adjacent" aria-label="${t.articleNavigation}">
${previous ? html`<p class="previous"><span>${t.previousArticle}</span> <a href="${previous.path}" rel="prev">${previous.title}</a></p>` : ''}
${next ? html`<p class="next"><span>${t.nextArticle}</span> <a href="${next.path}" rel="next">${next.title}</a></p>` : ''}
</nav>` : ''}`;
  return layout(
    frame,
    {
      title: post.title,
      description: post.standfirst,
      canonicalPath: post.path,
      alternates: post.translations.length
        ? [{ hreflang: post.language, path: post.path }, ...post.translations.map((tr) => ({ hreflang: tr.language, path: tr.path }))]
        : [],
      feeds: siteFeeds(frame),
      feedSlot: commentSlots.feeds(post.id),
      openGraph: articleOpenGraph(post),
      jsonLd: newsArticleJsonLd(post, frame.settings),
    },
    main,
  );
}

function translationLinks(post: PublishedPost, frame: Frame): SafeHtml {
  const t = messagesFor(post.language);
  return html`<nav class="translations" aria-label="${t.alsoIn}"><ul>${post.translations.map(
    (tr) => html`<li><a href="${tr.path}" hreflang="${tr.language}" lang="${tr.language}">${tr.title}</a> <small>(${languageName(tr.language, post.language)})</small></li>`,
  )}</ul></nav>`;
}

function featuredImage(image: { url: string; alt: string; caption: string }): SafeHtml {
  return html`<figure class="featured"><img src="${image.url}" alt="${image.alt}">${
    image.caption ? html`<figcaption>${image.caption}</figcaption>` : ''
  }</figure>`;
}

function termLinks(terms: { name: string; slug: string }[], pathOf: (slug: string) => string): SafeHtml {
  return html`${terms.map((term, i) => html`${i ? ', ' : ''}<a href="${pathOf(term.slug)}">${term.name}</a>`)}`;
}
