/**
 * A faithful port of WordPress's `wpautop()` (wp-includes/formatting.php, WordPress 6.x): turns
 * double line breaks into paragraphs and single ones into `<br />`, leaving `<pre>` blocks,
 * tags' insides and block elements alone. PHP's `\s` (no non-breaking space) is spelled out as
 * `[ \t\n\v\f\r]` so text with U+00A0 behaves as it does in WordPress. Pure; never throws.
 */

const S = '[ \\t\\n\\v\\f\\r]';
const ALL_BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)';

const re = (source: string, flags = 'g') => new RegExp(source, flags);

/** WordPress's wp_html_split: text, tags and comments, in turn (tags at odd indexes). */
const HTML_SPLIT = /(<(?:!--[\s\S]*?(?:-->|$)|!\[CDATA\[[\s\S]*?(?:\]\]>|$)|[^>]*>?))/;

/** wp_replace_in_html_tags for one needle: replaces `from` inside tags and comments only. */
function replaceInHtmlTags(text: string, from: string, to: string): string {
  const parts = text.split(HTML_SPLIT);
  for (let i = 1; i < parts.length; i += 2) if (parts[i]!.includes(from)) parts[i] = parts[i]!.split(from).join(to);
  return parts.join('');
}

function protectPre(text: string): { text: string; pre: Map<string, string> } {
  const pre = new Map<string, string>();
  if (!text.includes('<pre')) return { text, pre };
  const parts = text.split('</pre>');
  const last = parts.pop()!;
  let out = '';
  parts.forEach((part) => {
    const start = part.indexOf('<pre');
    if (start === -1) {
      out += part;
      return;
    }
    const name = `<pre wp-pre-tag-${pre.size}></pre>`;
    pre.set(name, `${part.slice(start)}</pre>`);
    out += part.slice(0, start) + name;
  });
  return { text: out + last, pre };
}

/** Converts WordPress post content to paragraphs exactly as WordPress shows it. */
export function wpautop(input: string, br = true): string {
  if (input.trim() === '') return '';
  const protectedPre = protectPre(`${input}\n`);
  let text = protectedPre.text;
  text = text.replace(re(`<br${S}*/?>${S}*<br${S}*/?>`), '\n\n');
  text = text.replace(re(`(<${ALL_BLOCKS}[${S.slice(1, -1)}/>])`), '\n\n$1');
  text = text.replace(re(`(</${ALL_BLOCKS}>)`), '$1\n\n');
  text = text.replace(re(`(<hr${S}*?/?>)`), '$1\n\n');
  text = text.replace(/\r\n|\r/g, '\n');
  text = replaceInHtmlTags(text, '\n', ' <!-- wpnl --> ');
  if (text.includes('<option')) {
    text = text.replace(re(`${S}*<option`), '<option').replace(re(`</option>${S}*`), '</option>');
  }
  if (text.includes('</object>')) {
    text = text.replace(re(`(<object[^>]*>)${S}*`), '$1').replace(re(`${S}*</object>`), '</object>');
    text = text.replace(re(`${S}*(</?(?:param|embed)[^>]*>)${S}*`), '$1');
  }
  if (text.includes('<source') || text.includes('<track')) {
    text = text.replace(re(`([<\\[](?:audio|video)[^>\\]]*[>\\]])${S}*`), '$1');
    text = text.replace(re(`${S}*([<\\[]/(?:audio|video)[>\\]])`), '$1');
    text = text.replace(re(`${S}*(<(?:source|track)[^>]*>)${S}*`), '$1');
  }
  if (text.includes('<figcaption')) {
    text = text.replace(re(`${S}*(<figcaption[^>]*>)`), '$1').replace(re(`</figcaption>${S}*`), '</figcaption>');
  }
  text = text.replace(/\n\n+/g, '\n\n');
  const paragraphs = text.split(re(`\\n${S}*\\n`)).filter((p) => p !== '');
  text = paragraphs.map((p) => `<p>${p.replace(/^\n+|\n+$/g, '')}</p>\n`).join('');
  text = text.replace(re(`<p>${S}*</p>`), '');
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>');
  text = text.replace(re(`<p>${S}*(</?${ALL_BLOCKS}[^>]*>)${S}*</p>`), '$1');
  text = text.replace(/<p>(<li.+?)<\/p>/g, '$1');
  text = text.replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>').split('</blockquote></p>').join('</p></blockquote>');
  text = text.replace(re(`<p>${S}*(</?${ALL_BLOCKS}[^>]*>)`), '$1');
  text = text.replace(re(`(</?${ALL_BLOCKS}[^>]*>)${S}*</p>`), '$1');
  if (br) {
    text = text.replace(/<(script|style|svg|math)[\s\S]*?<\/\1>/g, (m) => m.split('\n').join('<WPPreserveNewline />'));
    text = text.split('<br>').join('<br />').split('<br/>').join('<br />');
    text = text.replace(re(`(?<!<br />)${S}*\\n`), '<br />\n');
    text = text.split('<WPPreserveNewline />').join('\n');
  }
  text = text.replace(re(`(</?${ALL_BLOCKS}[^>]*>)${S}*<br />`), '$1');
  text = text.replace(re(`<br />(${S}*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)`), '$1');
  text = text.replace(/\n<\/p>(?=\n?$)/, "</p>");
  for (const [name, original] of protectedPre.pre) text = text.split(name).join(original);
  if (text.includes('<!-- wpnl -->')) text = text.split(' <!-- wpnl --> ').join('\n').split('<!-- wpnl -->').join('\n');
  return text;
}
