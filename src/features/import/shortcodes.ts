import { escapeHtml } from '../../lib/html.js';

/**
 * WordPress shortcodes in post content: the common ones (`[caption]`, `[gallery]`, `[embed]`,
 * `[audio]`, `[video]`) become figures and media elements; anything else that looks like a
 * shortcode is left visible, as text, and reported. Embeds become links, never iframes: a
 * reader's browser must not be made to talk to another host. Pure; never throws.
 */

export interface AttachmentInfo {
  id: string;
  url: string;
  title: string;
  alt: string;
  caption: string;
  parent: string;
  /** The attachment page's old address. */
  link: string;
}

export interface ShortcodeContext {
  /** The attachment with this WordPress id, if the export has it. */
  attachment(id: string): AttachmentInfo | undefined;
  /** Attachments whose parent is this WordPress post id, in file order. */
  childrenOf(postId: string): AttachmentInfo[];
  /** The WordPress id of the post being converted. */
  postId: string;
  /** Where a media URL now lives (rewritten when files were copied in). */
  mediaUrl(url: string): string;
}

export interface ShortcodeResult {
  html: string;
  /** Names of shortcodes left as they were. */
  unknown: string[];
  /** Problems worth a warning (a gallery image missing from the export…). */
  problems: string[];
}

const KNOWN = ['caption', 'wp_caption', 'gallery', 'embed', 'audio', 'video'];

/** WordPress's get_shortcode_regex() for `names`, without PHP's possessive quantifiers. */
function shortcodeRegex(names: string): RegExp {
  return new RegExp(
    `\\[(\\[?)(${names})(?![\\w-])([^\\]\\/]*(?:\\/(?!\\])[^\\]\\/]*)*?)(?:(\\/)\\]|\\](?:([^\\[]*(?:\\[(?!\\/\\2\\])[^\\[]*)*)\\[\\/\\2\\])?)(\\]?)`,
    'g',
  );
}

const KNOWN_RE = shortcodeRegex(KNOWN.join('|'));
const ANY_RE = shortcodeRegex('[a-z][a-z0-9_-]*');

/** WordPress's shortcode_parse_atts: named attributes (keys lower-cased) and positional ones. */
export function parseAttributes(text: string): Record<string, string> {
  const atts: Record<string, string> = {};
  const pattern = /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;
  let positional = 0;
  for (const m of text.replace(/[\u00a0\u200b]/g, ' ').matchAll(pattern)) {
    if (m[1]) atts[m[1].toLowerCase()] = m[2]!;
    else if (m[3]) atts[m[3].toLowerCase()] = m[4]!;
    else if (m[5]) atts[m[5].toLowerCase()] = m[6]!;
    else atts[String(positional++)] = m[7] ?? m[8] ?? m[9] ?? '';
  }
  return atts;
}

/** shortcode_unautop: a shortcode alone in a paragraph is taken out of it. */
function unautop(html: string): string {
  return html.replace(/<p>\s*(\[(?:caption|wp_caption|gallery|embed|audio|video)(?![\w-])[\s\S]*?\])\s*<\/p>/g, (whole, inner: string) =>
    inner.includes('<p>') ? whole : inner,
  );
}

/** Converts the known shortcodes in `html` (after wpautop) and lists the unknown ones. */
export function convertShortcodes(html: string, ctx: ShortcodeContext): ShortcodeResult {
  const problems: string[] = [];
  const converted = unautop(html).replace(KNOWN_RE, (whole, open: string, name: string, attrText: string, _self, content = '', close: string) => {
    if (open === '[' && close === ']') return whole.slice(1, -1);
    return open + renderShortcode(name, parseAttributes(attrText ?? ''), content, ctx, problems) + close;
  });
  const unknown = new Set<string>();
  for (const m of converted.matchAll(ANY_RE)) if (!(m[1] === '[' && m[6] === ']')) unknown.add(m[2]!);
  return { html: converted, unknown: [...unknown], problems };
}

const esc = escapeHtml;

function renderShortcode(name: string, atts: Record<string, string>, content: string, ctx: ShortcodeContext, problems: string[]): string {
  switch (name) {
    case 'caption':
    case 'wp_caption':
      return caption(atts, content);
    case 'gallery':
      return gallery(atts, ctx, problems);
    case 'embed': {
      const url = (content || atts.src || atts['0'] || '').trim();
      return url ? `<figure><a href="${esc(url)}">${esc(url)}</a></figure>` : '';
    }
    case 'audio': {
      const src = atts.src || atts.mp3 || atts.m4a || atts.ogg || atts.wav || atts.flac || '';
      return src ? `<figure><audio controls preload="none" src="${esc(ctx.mediaUrl(src))}"></audio></figure>` : '';
    }
    default: {
      const src = atts.src || atts.mp4 || atts.webm || atts.ogv || atts.m4v || atts.wmv || atts.flv || '';
      if (!src) return '';
      const poster = atts.poster ? ` poster="${esc(ctx.mediaUrl(atts.poster))}"` : '';
      const size = (atts.width ? ` width="${esc(atts.width)}"` : '') + (atts.height ? ` height="${esc(atts.height)}"` : '');
      return `<figure><video controls preload="none" src="${esc(ctx.mediaUrl(src))}"${poster}${size}></video></figure>`;
    }
  }
}

/** img_caption_shortcode: the caption is the attribute, or the text after the image. */
function caption(atts: Record<string, string>, content: string): string {
  let body = content;
  let text = atts.caption ?? '';
  if (!text) {
    const m = /((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)/i.exec(content);
    if (m) {
      body = m[1]!;
      text = m[2]!.trim();
    }
  }
  text = text.replace(/^(?:<br \/>\s*)+|(?:<br \/>\s*)+$/g, '').trim();
  return `<figure>${body.trim()}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
}

function gallery(atts: Record<string, string>, ctx: ShortcodeContext, problems: string[]): string {
  const ids = (atts.ids ?? atts.include ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const items = ids.length ? ids.map((id) => ctx.attachment(id) ?? id) : ctx.childrenOf(atts.id || ctx.postId);
  const images = items.flatMap((item) => {
    if (typeof item === 'string') {
      problems.push(`gallery image ${item} is not in the export`);
      return [];
    }
    const url = ctx.mediaUrl(item.url);
    return [`<a href="${esc(url)}"><img src="${esc(url)}" alt="${esc(item.alt)}"></a>`];
  });
  return images.length ? `<figure>${images.join('')}</figure>` : '';
}
