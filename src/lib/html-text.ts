import { findAll, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/** The longest description `describeHtml` returns, in characters: about what search results show. */
export const DESCRIPTION_LENGTH = 160;

/**
 * A plain-text description of an HTML body for `<meta name="description">` and OpenGraph: the
 * text of its first paragraph that has any (else of the whole body), whitespace collapsed, cut
 * at a word to at most `max` characters with an ellipsis. Empty when the body has no text.
 * Never throws; the result is text, to be escaped by whoever puts it in markup.
 */
export function describeHtml(bodyHtml: string, max = DESCRIPTION_LENGTH): string {
  const document = parseDocument(bodyHtml);
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
  const paragraph = findAll((node) => node.name === 'p' && collapse(textContent(node)) !== '', document.children)[0];
  const text = collapse(textContent(paragraph ?? document));
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
