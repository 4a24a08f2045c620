import { html, type SafeHtml } from '../../lib/html.js';

/**
 * Comment text is plain text. `cleanText` is applied before storing: it removes null bytes and
 * other control characters (keeping line breaks and tabs) and the bidirectional override and
 * isolate characters (U+202A–U+202E, U+2066–U+2069) that can make text read backwards or hide
 * what follows. `renderCommentBody` escapes everything and adds only paragraphs, line breaks and
 * links for http(s) URLs.
 */

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The text with controls and bidi overrides removed and line endings made `\n`. Never throws. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** One line of a form (name, email, URL): cleaned, no line breaks, trimmed. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;

/** How many http(s) links the text holds. */
export function countLinks(text: string): number {
  return (text.match(URL_PATTERN) ?? []).length;
}

/** An author URL: http(s) only, otherwise ''. */
export function safeUrl(url: string): string {
  const trimmed = cleanLine(url);
  if (!/^https?:\/\/[^\s/]+/i.test(trimmed)) return '';
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '';
  } catch {
    return '';
  }
}

/** Paragraphs (blank lines) with line breaks, URLs linked with rel="nofollow ugc noopener". */
export function renderCommentBody(text: string): SafeHtml {
  const paragraphs = cleanText(text).trim().split(/\n{2,}/).filter((p) => p.trim() !== '');
  return html`${paragraphs.map((p) => html`<p>${p.trim().split('\n').map((line, i) => html`${i ? html`<br>` : ''}${linkify(line)}`)}</p>`)}`;
}

function linkify(line: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    // Trailing punctuation belongs to the sentence, not the address.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    parts.push(html`${line.slice(last, start)}`);
    parts.push(html`<a href="${url}" rel="nofollow ugc noopener">${url}</a>`);
    last = start + url.length;
  }
  parts.push(html`${line.slice(last)}`);
  return html`${parts}`;
}
