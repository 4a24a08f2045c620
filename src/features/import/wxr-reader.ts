import fs from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { WxrError } from './wxr-error.js';

/**
 * Streaming reader of a WordPress export (WXR 1.0, 1.1, 1.2). The file is read in chunks and
 * parsed with saxes; each direct child of `<channel>` (an author, a category, an item…) is
 * built as a small tree and yielded when it closes, so memory is bounded by the largest item,
 * never by the file.
 */

/** One element: its name with a canonical prefix (`wp:post_id`, `content:encoded`), attributes, text and children. */
export interface WxrNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: WxrNode[];
}

/** Namespace URIs → the prefix the rest of the importer uses, whatever the file calls them. */
const NAMESPACES: [RegExp, string][] = [
  [/^http:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/, 'excerpt'],
  [/^http:\/\/wordpress\.org\/export\/1\.[0-2]\/$/, 'wp'],
  [/^http:\/\/purl\.org\/rss\/1\.0\/modules\/content\/$/, 'content'],
  [/^http:\/\/purl\.org\/dc\/elements\/1\.1\/$/, 'dc'],
  [/^http:\/\/wellformedweb\.org\/CommentAPI\/$/, 'wfw'],
];

function canonicalName(tag: SaxesTagNS): string {
  if (!tag.uri) return tag.local;
  const known = NAMESPACES.find(([pattern]) => pattern.test(tag.uri));
  return known ? `${known[1]}:${tag.local}` : `{${tag.uri}}${tag.local}`;
}

export interface WxrReader {
  /** The children of `<channel>`, one at a time. Throws WxrError on malformed XML. */
  nodes: AsyncIterable<WxrNode>;
  /** Bytes of the file read so far. */
  bytesRead(): number;
  /** Size of the file in bytes. */
  readonly totalBytes: number;
}

/** Opens `file` for one streaming pass. Throws (ENOENT…) when the file cannot be read. */
export function openWxr(file: string, options: { buildTrees?: boolean } = {}): WxrReader {
  const totalBytes = fs.statSync(file).size;
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  return {
    totalBytes,
    bytesRead: () => stream.bytesRead,
    nodes: parseStream(stream, options.buildTrees ?? true),
  };
}

async function* parseStream(stream: fs.ReadStream, buildTrees: boolean): AsyncGenerator<WxrNode> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: WxrNode[] = [];
  const stack: WxrNode[] = [];
  let depth = 0;
  let failure: WxrError | null = null;
  let sawRoot = false;
  parser.on('error', (error) => {
    failure ??= new WxrError(parser.line, parser.column + 1, error.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });
  parser.on('opentag', (tag) => {
    depth++;
    const name = canonicalName(tag);
    if (depth === 1 && !sawRoot) {
      sawRoot = true;
      if (name !== 'rss') failure ??= new WxrError(parser.line, parser.column, `this is not a WordPress export: the root element is <${tag.name}>, not <rss>`);
    }
    if (depth === 2 && name !== 'channel') failure ??= new WxrError(parser.line, parser.column, `unexpected <${tag.name}> inside <rss>; a WordPress export holds one <channel>`);
    if (depth < 3) return;
    if (!buildTrees) {
      if (depth === 3) ready.push({ name, attrs: {}, text: '', children: [] });
      return;
    }
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attrs[attr.local || attr.name] = attr.value;
    const node: WxrNode = { name, attrs, text: '', children: [] };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  const addText = (text: string) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    depth--;
    if (depth < 2 || !buildTrees) return;
    const node = stack.pop()!;
    if (depth === 2) ready.push(node);
  });
  for await (const chunk of stream) {
    parser.write(chunk as string);
    if (failure) break;
    while (ready.length) yield ready.shift()!;
  }
  if (!failure) parser.close();
  stream.destroy();
  if (!failure && !sawRoot) failure = new WxrError(parser.line, parser.column, 'the file is empty');
  if (failure) throw failure;
  while (ready.length) yield ready.shift()!;
}
