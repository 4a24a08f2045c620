import { SaxesParser } from 'saxes';

/** An element of a parsed XML document: its name as written (`wp:post_id`), attributes, text and children. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** Parses a whole document (throws on malformed XML); text includes CDATA sections. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => void (stack.at(-1)!.text += text));
  parser.on('cdata', (text) => void (stack.at(-1)!.text += text));
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return root.children[0]!;
}

/** The children named `name`. */
export const all = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);
/** The text of the first child named `name`, or undefined. */
export const textOf = (node: XmlNode, name: string): string | undefined => node.children.find((c) => c.name === name)?.text;
