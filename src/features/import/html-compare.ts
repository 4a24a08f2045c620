import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * A canonical form of article HTML, to decide whether Markdown reproduces an HTML block: two
 * fragments that normalise alike look alike to a reader. It ignores what the Markdown renderer
 * adds on its own (heading ids, typographic quotes and dashes, `rel` on links, lazy loading),
 * attribute order and runs of white space. Pure; never throws.
 */
export function normaliseHtml(fragment: string): string {
  return serialise(parseDocument(fragment, { decodeEntities: true }).children).trim();
}

const IGNORED_ATTRS = new Set(['id', 'rel', 'loading']);
const VOID = new Set(['br', 'hr', 'img', 'source']);

function serialise(nodes: ChildNode[]): string {
  return nodes.map(serialiseNode).join('');
}

function serialiseNode(node: ChildNode): string {
  if (isText(node)) return typography(node.data).replace(/\s+/g, ' ');
  if (!isTag(node)) return '';
  const el = node as Element;
  const attrs = Object.entries(el.attribs)
    .filter(([name]) => !IGNORED_ATTRS.has(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  if (VOID.has(el.name)) return `<${el.name}${attrs}>`;
  const inner = serialise(el.children);
  return `<${el.name}${attrs}>${el.name === 'pre' ? inner : inner.trim()}</${el.name}>`.replace(/\s*(<\/?(?:p|li|ul|ol|h\d|blockquote|figure|table|tr|td|th|div)[ >])\s*/g, '$1');
}

/** Undoes the renderer's typography, so "quotes" and “quotes” compare equal. */
function typography(text: string): string {
  return text
    .replace(/[“”„«»]|\u00a0»|«\u00a0/g, '"')
    .replace(/[‘’‚‹›]/g, "'")
    .replace(/—/g, '---')
    .replace(/–/g, '--')
    .replace(/…/g, '...');
}
