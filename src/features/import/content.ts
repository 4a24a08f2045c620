import { type ChildNode, isTag, isText } from 'domhandler';
import render from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import TurndownService from 'turndown';
import { renderMarkdown } from '../../lib/markdown.js';
import { sanitiseArticleHtml } from '../../lib/sanitise-html.js';
import { normaliseHtml } from './html-compare.js';

/**
 * WordPress HTML (after wpautop and shortcodes) → the body Markdown of a Broadside post. Each
 * top-level block is converted with turndown and kept as Markdown only when rendering it back
 * gives the same HTML; otherwise the block stays as sanitised HTML (CommonMark passes it
 * through, and the sanitiser runs again when the post is saved). Pure; never throws.
 */

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' });

export interface ConvertedBody {
  markdown: string;
  /** Blocks kept as HTML because Markdown could not reproduce them. */
  htmlBlocks: number;
  markdownBlocks: number;
}

export function htmlToBody(html: string, options: { lang: string; siteUrl: string }): ConvertedBody {
  // Most posts convert whole: one turndown and one render instead of one per block.
  const whole = safeTurndown(html);
  const sanitisedWhole = sanitiseArticleHtml(html, { siteUrl: options.siteUrl }).trim();
  if (whole !== null && normaliseHtml(renderMarkdown(whole, options)) === normaliseHtml(sanitisedWhole)) {
    return { markdown: whole, htmlBlocks: 0, markdownBlocks: 1 };
  }
  if (!sanitisedWhole) return { markdown: '', htmlBlocks: 0, markdownBlocks: 0 };
  const out: string[] = [];
  let htmlBlocks = 0;
  for (const block of topLevelBlocks(html)) {
    const sanitised = sanitiseArticleHtml(block, { siteUrl: options.siteUrl }).trim();
    if (!sanitised) continue;
    const markdown = safeTurndown(block);
    if (markdown !== null && normaliseHtml(renderMarkdown(markdown, options)) === normaliseHtml(sanitised)) {
      out.push(markdown);
    } else {
      out.push(asHtmlBlock(sanitised));
      htmlBlocks++;
    }
  }
  return { markdown: out.join('\n\n'), htmlBlocks, markdownBlocks: out.length - htmlBlocks };
}

function safeTurndown(block: string): string | null {
  try {
    const md = turndown.turndown(block).trim();
    return md || null;
  } catch {
    return null;
  }
}

/** Top-level elements of `html` as strings; runs of loose inline content are wrapped in a paragraph. */
function topLevelBlocks(html: string): string[] {
  const blocks: string[] = [];
  let inline: ChildNode[] = [];
  const flush = () => {
    const text = render(inline, { encodeEntities: 'utf8' }).trim();
    if (text) blocks.push(`<p>${text}</p>`);
    inline = [];
  };
  for (const node of parseDocument(html, { decodeEntities: true }).children) {
    if (isTag(node) && BLOCK.has(node.name)) {
      flush();
      blocks.push(render(node, { encodeEntities: 'utf8' }));
    } else if (isTag(node) || (isText(node) && node.data.trim())) {
      inline.push(node);
    } else if (isText(node) && inline.length) {
      inline.push(node);
    }
  }
  flush();
  return blocks;
}

const BLOCK = new Set([
  'p', 'div', 'figure', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
  'section', 'aside', 'details', 'audio', 'video', 'address', 'article', 'header', 'footer', 'nav',
]);

/**
 * An HTML block CommonMark passes through whole: it must start a line with a block tag and hold
 * no blank line (one would end it), so blank lines inside are dropped.
 */
function asHtmlBlock(html: string): string {
  const trimmed = /^<pre[\s>]/i.test(html.trim()) ? html.trim() : html.replace(/\n[ \t]*(?=\n)/g, '').trim();
  return /^<(?:p|div|figure|table|ul|ol|dl|blockquote|pre|h[1-6]|hr|section|aside|details)[\s/>]/i.test(trimmed) ? trimmed : `<div>${trimmed}</div>`;
}
