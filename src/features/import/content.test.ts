import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../lib/markdown.js';
import { htmlToBody } from './content.js';
import { convertShortcodes, type ShortcodeContext } from './shortcodes.js';
import { wpautop } from './wpautop.js';

const options = { lang: 'en', siteUrl: 'https://new.example' };

describe('WordPress content to Markdown', () => {
  it('turns plain paragraphs, emphasis, links and lists into Markdown', () => {
    const body = htmlToBody(wpautop('A "quoted" <em>word</em> and <a href="https://x.example/">a link</a>.\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n\n<h2>Heading</h2>'), options);
    expect(body.htmlBlocks).toBe(0);
    expect(body.markdown).toBe('A "quoted" *word* and [a link](https://x.example/).\n\n-   one\n-   two\n\n## Heading');
  });

  it('keeps a block Markdown cannot reproduce (a table with a merged cell) as sanitised HTML', () => {
    const body = htmlToBody('<table><tr><td colspan="2" onclick="x()">wide</td></tr></table><p>after</p>', options);
    expect(body.htmlBlocks).toBe(1);
    expect(body.markdown).toContain('<td colspan="2">wide</td>');
    expect(body.markdown).not.toContain('onclick');
    expect(renderMarkdown(body.markdown, options)).toContain('<p>after</p>');
  });

  it('keeps Russian and Arabic text intact', () => {
    const body = htmlToBody(wpautop('Привет, мир.\n\nمرحبا بالعالم'), options);
    expect(body.markdown).toBe('Привет, мир.\n\nمرحبا بالعالم');
  });
});

const ctx: ShortcodeContext = {
  postId: '11',
  attachment: (id) => (id === '10' ? { id: '10', url: 'https://old.example/wp-content/uploads/a.jpg', title: 'A', alt: 'An a', caption: '', parent: '11', link: '' } : undefined),
  childrenOf: () => [],
  mediaUrl: (url) => url,
};

describe('WordPress shortcodes', () => {
  it('turns [caption] into a figure with its caption', () => {
    const html = wpautop('[caption id="attachment_10" align="alignright" width="300"]<img src="a.jpg" alt="x" /> The tram depot[/caption]\n\nNext');
    const out = convertShortcodes(html, ctx);
    expect(out.html).toContain('<figure><img src="a.jpg" alt="x" /><figcaption>The tram depot</figcaption></figure>');
    expect(out.html).not.toContain('<p><figure>');
  });

  it('turns [gallery], [embed], [audio] and [video] into figures and media, embeds as plain links', () => {
    const out = convertShortcodes('[gallery ids="10,99"] [embed]https://video.example/v/1[/embed] [audio mp3="https://o.example/a.mp3"][/audio] [video src="https://o.example/v.mp4" width="640"][/video]', ctx);
    expect(out.html).toContain('<img src="https://old.example/wp-content/uploads/a.jpg" alt="An a">');
    expect(out.problems).toEqual(['gallery image 99 is not in the export']);
    expect(out.html).toContain('<figure><a href="https://video.example/v/1">https://video.example/v/1</a></figure>');
    expect(out.html).toContain('<audio controls preload="none" src="https://o.example/a.mp3"></audio>');
    expect(out.html).toContain('<video controls preload="none" src="https://o.example/v.mp4" width="640"></video>');
    expect(out.unknown).toEqual([]);
  });

  it('leaves unknown shortcodes visible and names them, and unescapes [[caption]]', () => {
    const out = convertShortcodes('<p>[contact-form to="x"] and [[caption]] and [pullquote]Hi[/pullquote]</p>', ctx);
    expect(out.html).toBe('<p>[contact-form to="x"] and [caption] and [pullquote]Hi[/pullquote]</p>');
    expect(out.unknown.sort()).toEqual(['caption', 'contact-form', 'pullquote']);
  });
});
