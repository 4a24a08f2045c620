/**
 * Article HTML sanitiser.
 *
 * Contract: `sanitiseArticleHtml` never throws; its output is safe to embed in
 * a page under our CSP. Anything not on the allowlists below is removed:
 *  - elements: only the article vocabulary in ALLOWED_TAGS survives; script,
 *    style, iframe, object, embed, form, input, svg, math (and friends) are
 *    dropped, and for the NON_TEXT_TAGS their contents are dropped as well;
 *  - attributes: only those in ALLOWED_ATTRIBUTES (never `style`, never `on*`);
 *    `class` only from ALLOWED_CLASSES; `target` is always removed;
 *  - URLs (href, src, cite, poster): http, https, mailto, tel and relative
 *    references only; javascript:, vbscript:, data: and the rest are stripped;
 *  - every link pointing at another host carries rel="noopener";
 *  - every image carries loading="lazy" unless it explicitly says "eager".
 */
import sanitizeHtml from 'sanitize-html';

export interface SanitiseOptions {
  /** Public base URL of this site; links to its host count as internal. */
  siteUrl?: string;
}

type Attribs = sanitizeHtml.Attributes;

const ALLOWED_TAGS: readonly string[] = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'a', 'img', 'figure', 'figcaption', 'blockquote', 'q', 'cite',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'code', 'pre', 'kbd', 'samp',
  'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'section', 'aside', 'details', 'summary', 'span', 'div',
  'audio', 'video', 'source', 'time',
];

/** Disallowed elements whose whole content (text and children) is dropped too. */
const NON_TEXT_TAGS: readonly string[] = [
  'script', 'style', 'textarea', 'option', 'noscript', 'template', 'title',
  'xmp', 'noembed', 'noframes', 'iframe', 'object', 'embed', 'svg', 'math',
];

const ID = ['id'];
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['lang', 'dir'],
  a: ['href', 'title', 'rel', 'id', 'class'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
  h1: ID, h2: ID, h3: ID, h4: ID, h5: ID, h6: ID,
  li: [...ID, 'class'],
  sup: [...ID, 'class'],
  section: [...ID, 'class'],
  hr: ['class'],
  ol: ['start', 'reversed', 'class'],
  blockquote: ['cite'], q: ['cite'],
  del: ['cite', 'datetime'], ins: ['cite', 'datetime'],
  abbr: ['title'],
  th: ['scope', 'colspan', 'rowspan', 'class'],
  td: ['colspan', 'rowspan', 'class'],
  p: ['class'],
  code: ['class'],
  details: ['open'],
  audio: ['src', 'controls', 'preload', 'loop', 'muted'],
  video: ['src', 'controls', 'preload', 'loop', 'muted', 'poster', 'width', 'height', 'playsinline'],
  source: ['src', 'type'],
  time: ['datetime'],
};

const ALIGN = ['align-left', 'align-center', 'align-right'];
/** Classes produced by our own renderer (markdown-it-footnote/-anchor, tables). */
const ALLOWED_CLASSES: Record<string, string[]> = {
  a: ['footnote-backref', 'header-anchor'],
  sup: ['footnote-ref'],
  li: ['footnote-item'],
  hr: ['footnotes-sep'],
  section: ['footnotes'],
  ol: ['footnotes-list'],
  th: ALIGN, td: ALIGN, p: ALIGN,
  code: ['language-*'],
};

/** rel tokens an author may set; anything else is dropped. */
const ALLOWED_REL = new Set([
  'noopener', 'noreferrer', 'nofollow', 'ugc', 'sponsored', 'external', 'author', 'license', 'me', 'tag',
]);

/** Base for relative references when the site URL is unknown. */
const RELATIVE_BASE = 'https://relative.invalid/';

function parseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/**
 * True when `href` is an http(s) URL to a host other than `siteUrl`'s
 * (any absolute or protocol-relative http(s) URL when no siteUrl is known).
 * Uses the WHATWG parser so `//host`, `/\host` and stray whitespace are read
 * exactly as a browser reads them. Never throws.
 */
export function isExternalUrl(href: string, siteUrl?: string): boolean {
  const site = siteUrl ? parseUrl(siteUrl) : null;
  const base = site && site.host !== '' ? site : new URL(RELATIVE_BASE);
  const target = parseUrl(href, base.href);
  if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) return false;
  return target.host !== base.host;
}

/** Keeps only known rel tokens, adding "noopener" for external links. */
function filterRel(rel: string | undefined, external: boolean): string | undefined {
  const tokens = new Set((rel ?? '').toLowerCase().split(/\s+/).filter((t) => ALLOWED_REL.has(t)));
  if (external) tokens.add('noopener');
  return tokens.size > 0 ? [...tokens].join(' ') : undefined;
}

/** <a>: drop target, normalise rel. */
function transformLink(attribs: Attribs, siteUrl: string | undefined): Attribs {
  const { target: _target, rel, ...rest } = attribs;
  const external = rest.href !== undefined && isExternalUrl(rest.href, siteUrl);
  const newRel = filterRel(rel, external);
  return newRel === undefined ? rest : { ...rest, rel: newRel };
}

/** <img>: lazy loading by default; numeric width/height only. */
function transformImage(attribs: Attribs): Attribs {
  const result: Attribs = { ...attribs };
  for (const dim of ['width', 'height'] as const) {
    const value = result[dim];
    if (value !== undefined && !/^\d{1,5}$/.test(value.trim())) delete result[dim];
  }
  result.loading = result.loading?.toLowerCase() === 'eager' ? 'eager' : 'lazy';
  return result;
}

function buildOptions(siteUrl: string | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: [...ALLOWED_TAGS],
    nonTextTags: [...NON_TEXT_TAGS],
    disallowedTagsMode: 'discard',
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: ALLOWED_CLASSES,
    allowedStyles: {},
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
    allowProtocolRelative: true,
    allowedIframeHostnames: [],
    allowVulnerableTags: false,
    enforceHtmlBoundary: false,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: transformLink(attribs, siteUrl) }),
      img: (tagName, attribs) => ({ tagName, attribs: transformImage(attribs) }),
    },
    // An image whose src was stripped (e.g. data:) is useless: drop it.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  };
}

/** Last-resort output if the sanitiser itself fails: plain escaped text. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Sanitises article HTML against the allowlists above.
 * Never throws; output is safe to embed in a page under our CSP.
 */
export function sanitiseArticleHtml(html: string, options: SanitiseOptions = {}): string {
  const input = typeof html === 'string' ? html : String(html ?? '');
  try {
    return sanitizeHtml(input, buildOptions(options.siteUrl));
  } catch {
    return escapeText(input);
  }
}
