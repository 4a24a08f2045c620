/**
 * Article Markdown renderer.
 *
 * Contract: `renderMarkdown` turns article Markdown into SANITISED HTML (it
 * always passes its output through `sanitiseArticleHtml` last), so the result
 * is safe to embed in a page under our CSP. It never throws for string input.
 *
 * Dialect: CommonMark (markdown-it 'commonmark' preset, raw HTML allowed and
 * later sanitised) plus GFM tables and ~~strikethrough~~, footnotes
 * (markdown-it-footnote), heading ids on h2–h4 (markdown-it-anchor) and
 * typography (quotes per language, -- → –, --- → —, ... → …).
 * Deviations from plain CommonMark: those extensions, typography, and
 * markdown-it's link validation (javascript:/vbscript:/file:/data: links are
 * left as literal text instead of becoming links).
 */
import MarkdownIt from 'markdown-it';
import type { PluginSimple, RendererRule, StateCore, Token } from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import anchor from 'markdown-it-anchor';
import { isExternalUrl, sanitiseArticleHtml } from './sanitise-html.js';

export interface RenderOptions {
  /** BCP 47 language tag of the article (e.g. "en", "ru", "de-CH"). */
  lang: string;
  /** Public base URL of the site; links to its host are internal. */
  siteUrl?: string;
}

/** Per-render data handed to renderer rules through markdown-it's `env`. */
interface RenderEnv {
  siteUrl?: string;
}

/** @types/markdown-it-footnote is typed against markdown-it's CJS types; same runtime shape. */
const footnote = footnotePlugin as unknown as PluginSimple;

const DEFAULT_LANG = 'en';

/** Typographic quotes per primary language subtag: [“, ”, ‘, ’]. */
const QUOTES: Readonly<Record<string, string | string[]>> = {
  en: '“”‘’',
  nl: '“”‘’',
  ru: '«»„“',
  uk: '«»„“',
  be: '«»„“',
  de: '„“‚‘',
  cs: '„“‚‘',
  sk: '„“‚‘',
  pl: '„”‚’',
  fr: ['«\u00A0', '\u00A0»', '‹\u00A0', '\u00A0›'],
  es: '«»“”',
  it: '«»“”',
  pt: '«»“”',
  sv: '””’’',
};

/**
 * Heading slug: NFC, lower-cased, Unicode letters/digits/marks kept, other
 * punctuation dropped, runs of spaces/hyphens → one hyphen. Never empty.
 */
function slugify(text: string): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s-]/gu, '')
    .trim()
    .replace(/[\s-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}

/**
 * Core rule: GFM table alignment arrives as style="text-align:x", which the
 * sanitiser would strip. Replace it with class="align-x"; header cells get
 * scope="col" (markdown tables only have th in their header row).
 */
function tableAlignToClass(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = token.attrGet('style');
    if (style !== null) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      const match = /text-align:\s*(left|center|right)/.exec(style);
      if (match) token.attrJoin('class', `align-${match[1]}`);
    }
    if (token.type === 'th_open') token.attrSet('scope', 'col');
  }
}

/** Renderer rule: rel="noopener" on links leaving the site (per env.siteUrl). */
function externalLinkRule(fallback: RendererRule | undefined): RendererRule {
  return (tokens: Token[], idx, options, env: RenderEnv, self) => {
    const token = tokens[idx];
    const href = token?.attrGet('href');
    if (token && href && isExternalUrl(href, env.siteUrl)) token.attrSet('rel', 'noopener');
    return fallback ? fallback(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

/** Builds one configured, stateless markdown-it instance for a quote style. */
function createRenderer(quotes: string | string[]): MarkdownIt {
  const md = new MarkdownIt('commonmark', {
    html: true,
    xhtmlOut: false,
    linkify: false,
    typographer: true,
    quotes,
  });
  // The commonmark preset disables these; typography needs the last two.
  md.enable(['table', 'strikethrough', 'replacements', 'smartquotes']);
  md.use(footnote);
  md.use(anchor, { level: [2, 3, 4], slugify, tabIndex: false });
  md.core.ruler.push('table_align_class', tableAlignToClass);
  md.renderer.rules.link_open = externalLinkRule(md.renderer.rules.link_open);
  return md;
}

/**
 * The renderers built so far, one per language of QUOTES, each on its first use and read-only
 * afterwards. Building one takes ~10 ms and keeps ~0.35 MB (markdown-it compiles linkify's
 * large regular expressions even with linkify off): all fourteen at start-up were ~150 ms and ~5 MB of every
 * serving process's heap, which never renders Markdown unless someone saves or previews a post.
 */
const RENDERERS = new Map<string, MarkdownIt>();

/** Picks the renderer for a language tag ("ru-RU" → ru), falling back to English. */
function rendererFor(lang: string): MarkdownIt {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const key = Object.hasOwn(QUOTES, primary) ? primary : DEFAULT_LANG;
  let md = RENDERERS.get(key);
  if (!md) {
    md = createRenderer(QUOTES[key]!);
    RENDERERS.set(key, md);
  }
  return md;
}

/**
 * Renders article Markdown to sanitised HTML.
 * Heading ids are unique within one call; footnote ids are fn1/fnref1…
 */
export function renderMarkdown(source: string, options: RenderOptions): string {
  const env: RenderEnv = { siteUrl: options.siteUrl };
  const html = rendererFor(options.lang).render(String(source ?? ''), env);
  return wrapTables(sanitiseArticleHtml(html, { siteUrl: options.siteUrl }), options.lang);
}

const TABLE_LABELS: Record<string, string> = { en: 'Table (scrolls sideways)', ru: 'Таблица (прокручивается вбок)' };

/**
 * Wraps each table in a focusable, labelled region so a table wider than a phone screen can
 * be scrolled with the keyboard too (WCAG 2.1.1). Runs after sanitising: the sanitiser
 * normalises every table start tag to a bare `<table>`.
 */
function wrapTables(html: string, lang: string): string {
  if (!html.includes('<table>')) return html;
  const label = TABLE_LABELS[lang.split('-')[0]!] ?? TABLE_LABELS.en!;
  return html
    .replaceAll('<table>', `<section class="table-scroll" tabindex="0" aria-label="${label}"><table>`)
    .replaceAll('</table>', '</table></section>');
}
