import { html, raw, type SafeHtml } from '../lib/html.js';
import type { Frame, PageMeta } from './frame.js';

/**
 * What a page tells machines about itself, rendered in its `<head>`: feed autodiscovery links,
 * OpenGraph and Twitter-card tags, and JSON-LD. Views fill the facts (see features/seo); the
 * layout calls `headMetadata`.
 */

/** A feed of the page for `<link rel="alternate">`; `path` starts with `/`. */
export interface FeedLink {
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  title: string;
  path: string;
}

/** OpenGraph facts beyond the title, description and canonical URL that PageMeta already has. */
export interface OpenGraph {
  type: 'website' | 'article';
  /** Absolute URL, or a path on the site (made absolute). */
  image?: string;
  imageAlt?: string;
  /** Language tags (`en`, `pt-BR`) of the content and of its translations. */
  locale?: string;
  alternateLocales?: string[];
  /** ISO instants. */
  publishedTime?: string;
  modifiedTime?: string;
  section?: string;
  tags?: string[];
}

/** A JSON-LD object (schema.org vocabulary). */
export type JsonLd = Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>`, `&`, U+2028 and U+2029 are
 * written as `\uXXXX` escapes, so no text (`</script>`, `<!--`) can end or confuse the block,
 * and the result is still exactly the same JSON value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `en` → `en_US`, `ru` → `ru_RU`, `pt-BR` → `pt_BR`: the form og:locale wants. */
export function ogLocale(language: string): string {
  let known = ogLocales.get(language);
  if (known === undefined) {
    known = maximizedLocale(language);
    // Language tags come from posts (a handful per site); the bound only guards against a flood.
    if (ogLocales.size >= 256) ogLocales.clear();
    ogLocales.set(language, known);
  }
  return known;
}

// Intl.Locale#maximize costs tens of microseconds and every page's head asks.
const ogLocales = new Map<string, string>();

function maximizedLocale(language: string): string {
  try {
    const locale = new Intl.Locale(language).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return language.replace('-', '_');
  }
}

/** An absolute URL: paths on the site get the base URL; http(s) URLs pass unchanged. */
export function absoluteUrl(base: string, pathOrUrl: string): string {
  return pathOrUrl.startsWith('/') ? base + pathOrUrl : pathOrUrl;
}

/** `<link rel="alternate">` autodiscovery tags for feeds, one a line. */
export function feedLinkTags(baseUrl: string, feeds: FeedLink[]): SafeHtml {
  return html`${feeds.map((f) => html`<link rel="alternate" type="${f.type}" title="${f.title}" href="${baseUrl + f.path}">\n`)}`;
}

/** The metadata part of `<head>`; nothing but feed links on pages robots should not index. */
export function headMetadata(frame: Frame, meta: PageMeta): SafeHtml {
  const feeds = html`${feedLinkTags(frame.settings.baseUrl, meta.feeds ?? [])}${meta.feedSlot ? raw(meta.feedSlot) : ''}`;
  if (meta.noindex) return html`${feeds}`;
  const blocks = meta.jsonLd ? (Array.isArray(meta.jsonLd) ? meta.jsonLd : [meta.jsonLd]) : [];
  return html`${feeds}${openGraphTags(frame, meta)}${blocks.map(
    (block) => html`<script type="application/ld+json">${raw(jsonForScript(block))}</script>\n`,
  )}`;
}

function openGraphTags(frame: Frame, meta: PageMeta): SafeHtml {
  const { settings } = frame;
  const og: OpenGraph = meta.openGraph ?? { type: 'website' };
  const tag = (property: string, content: string | undefined) =>
    content ? html`<meta property="${property}" content="${content}">\n` : '';
  const twitter = (name: string, content: string | undefined) => (content ? html`<meta name="${name}" content="${content}">\n` : '');
  return html`${tag('og:type', og.type)}${tag('og:title', meta.title)}${tag('og:description', meta.description)}${
    meta.canonicalPath ? tag('og:url', settings.baseUrl + meta.canonicalPath) : ''
  }${tag('og:site_name', settings.title)}${tag('og:locale', ogLocale(og.locale ?? frame.lang))}${
    (og.alternateLocales ?? []).map((l) => tag('og:locale:alternate', ogLocale(l)))
  }${og.image ? html`${tag('og:image', absoluteUrl(settings.baseUrl, og.image))}${tag('og:image:alt', og.imageAlt)}` : ''}${
    tag('article:published_time', og.publishedTime)
  }${tag('article:modified_time', og.modifiedTime)}${tag('article:section', og.section)}${
    (og.tags ?? []).map((t) => tag('article:tag', t))
  }<meta name="twitter:card" content="${og.image ? 'summary_large_image' : 'summary'}">\n${
    // Said outright rather than left to X's fallback to the og: tags.
    twitter('twitter:title', meta.title)}${twitter('twitter:description', meta.description)}${
    og.image ? html`${twitter('twitter:image', absoluteUrl(settings.baseUrl, og.image))}${twitter('twitter:image:alt', og.imageAlt)}` : ''
  }`;
}
