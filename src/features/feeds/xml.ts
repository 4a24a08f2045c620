/**
 * A tiny XML builder for feeds and sitemaps. Text and attribute values are always escaped and
 * stripped of characters XML 1.0 cannot carry; element names come from our code only. Nothing
 * here concatenates unescaped text into markup.
 */

export type XmlChild = XmlElement | XmlCdata | string | number | null | undefined | false | XmlChild[];

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly children: readonly XmlChild[];
}

export interface XmlCdata {
  readonly kind: 'cdata';
  readonly text: string;
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

/** An element; `undefined` attributes are left out, falsy children render as nothing. Throws on a bad name. */
export function el(name: string, attributes: Record<string, string | undefined> = {}, ...children: XmlChild[]): XmlElement {
  for (const n of [name, ...Object.keys(attributes)]) if (!NAME.test(n)) throw new Error(`Not an XML name: ${n}`);
  return { kind: 'element', name, attributes, children };
}

/** A CDATA section (for HTML content); a `]]>` inside the text is split across two sections. */
export function cdata(text: string): XmlCdata {
  return { kind: 'cdata', text };
}

/** The document: an XML declaration (UTF-8) and the root element. */
export function toXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root)}\n`;
}

/** Characters outside the XML 1.0 `Char` production (controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text content. */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a double-quoted attribute value (whitespace kept as character references). */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Renders compactly; each child of the root element goes on its own line, for people reading the source. */
function render(child: XmlChild, depth = 0): string {
  if (child === null || child === undefined || child === false) return '';
  if (Array.isArray(child)) return child.map((c) => render(c, depth)).join('');
  if (typeof child === 'string' || typeof child === 'number') return escapeXmlText(String(child));
  if (child.kind === 'cdata') {
    return `<![CDATA[${child.text.replace(NOT_XML_CHAR, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
  }
  let attributes = '';
  for (const [name, value] of Object.entries(child.attributes)) {
    if (value !== undefined) attributes += ` ${name}="${escapeXmlAttribute(value)}"`;
  }
  const inner = child.children.map((c) => render(c, depth + 1)).join('');
  const open = depth === 0 && hasElements(child.children) ? '\n' : '';
  const close = depth === 1 ? '\n' : '';
  return inner === '' ? `<${child.name}${attributes}/>${close}` : `<${child.name}${attributes}>${open}${inner}</${child.name}>${close}`;
}

function hasElements(children: readonly XmlChild[]): boolean {
  return children.some((c) => (Array.isArray(c) ? hasElements(c) : typeof c === 'object' && c !== null && c.kind === 'element'));
}
