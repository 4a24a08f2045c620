import sanitizeHtml from 'sanitize-html';
import { renderMarkdown } from '../../../lib/markdown.js';
import { isExternalUrl } from '../../../lib/sanitise-html.js';

/** Elements an appeal's short text keeps: paragraphs, emphasis, links, lists, quotes, own images. */
const APPEAL_TAGS = ['p', 'br', 'a', 'em', 'strong', 'b', 'i', 's', 'del', 'ins', 'mark', 'small', 'abbr', 'code', 'q', 'blockquote', 'ul', 'ol', 'li', 'img'];

/**
 * An appeal's Markdown as HTML, rendered and sanitised by the site's article renderer, then
 * narrowed to a short text's vocabulary (headings, tables, media and footnote markup become
 * their text) with every image from another host removed, so an appeal never makes a reader's
 * browser fetch anything elsewhere. Never throws.
 */
export function renderAppealText(markdown: string, options: { lang: string; siteUrl: string }): string {
  if (!markdown.trim()) return '';
  return sanitizeHtml(renderMarkdown(markdown, options), {
    allowedTags: APPEAL_TAGS,
    allowedAttributes: { '*': ['lang', 'dir'], a: ['href', 'title', 'rel'], abbr: ['title'], img: ['src', 'alt', 'width', 'height', 'loading'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    // An image without a description is decorative to a screen reader, not an unnamed one.
    transformTags: { img: (tagName, attribs) => ({ tagName, attribs: { alt: '', ...attribs } }) },
    exclusiveFilter: (frame) => frame.tag === 'img' && (!frame.attribs.src || isExternalUrl(frame.attribs.src, options.siteUrl)),
  });
}
