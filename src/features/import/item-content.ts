import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { htmlToBody } from './content.js';
import type { RunContext } from './run-context.js';
import { convertShortcodes } from './shortcodes.js';
import { warn } from './summary.js';
import { wpautop } from './wpautop.js';
import type { WxrItem } from './wxr-records.js';

/**
 * An item's body as Broadside Markdown, the way WordPress showed it: wpautop, then shortcodes,
 * then Markdown where it round-trips. Unknown shortcodes and shortcode problems are reported
 * against the item.
 */
export function itemBody(ctx: RunContext, item: WxrItem, label: string, lang: string): string {
  const rewritten = ctx.uploads ? ctx.uploads.rewriteContent(item.content) : item.content;
  const shortcodes = convertShortcodes(wpautop(rewritten), {
    postId: item.id,
    attachment: (id) => ctx.scan.attachments.get(id),
    childrenOf: (postId) => (ctx.scan.childrenByParent.get(postId) ?? []).flatMap((id) => ctx.scan.attachments.get(id) ?? []),
    mediaUrl: (url) => ctx.uploads?.localUrl(url) ?? url,
  });
  for (const problem of shortcodes.problems) warn(ctx.summary, label, problem);
  for (const name of shortcodes.unknown) (ctx.summary.unknownShortcodes[name] ??= []).push(label);
  const body = htmlToBody(shortcodes.html, { lang, siteUrl: ctx.settings.baseUrl });
  return body.markdown;
}

/** Plain text of an excerpt (WordPress allows HTML there), white space collapsed. */
export function plainText(html: string): string {
  return textContent(parseDocument(html, { decodeEntities: true })).replace(/\s+/g, ' ').trim();
}

/** `text` cut to `max` characters at a word boundary, with an ellipsis; and whether it was cut. */
export function fit(text: string, max: number): [string, boolean] {
  if (text.length <= max) return [text, false];
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return [`${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`, true];
}
