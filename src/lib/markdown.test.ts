import { describe, it, expect } from 'vitest';
import { renderMarkdown } from './markdown.js';

const en = { lang: 'en', siteUrl: 'https://paper.test' };

/** Properties every rendered article must have, whatever the source. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/<[^>]*javascript:/i);
  expect(html).not.toMatch(/style=/i);
  expect(html).not.toMatch(/target=/i);
}

describe('renderMarkdown: CommonMark basics', () => {
  it('renders paragraphs, emphasis, lists and code as CommonMark does', () => {
    const out = renderMarkdown('Some *em* and **strong**.\n\n- one\n- two\n\n1. first\n\nInline `a < b`.\n\n```js\nlet x = 1;\n```\n', en);
    expect(out).toContain('<p>Some <em>em</em> and <strong>strong</strong>.</p>');
    expect(out).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(out).toContain('<ol>\n<li>first</li>\n</ol>');
    expect(out).toContain('<code>a &lt; b</code>');
    expect(out).toContain('<pre><code class="language-js">let x = 1;\n</code></pre>');
  });

  it('leaves bare URLs as text because linkify is off', () => {
    expect(renderMarkdown('see https://other.test now', en)).toBe('<p>see https://other.test now</p>\n');
  });

  it('renders ~~strikethrough~~ as <s>', () => {
    expect(renderMarkdown('~~gone~~', en)).toBe('<p><s>gone</s></p>\n');
  });

  it('keeps image alt text and makes images lazy', () => {
    expect(renderMarkdown('![A protest on the square](/img/p.jpg "Photo")', en)).toBe(
      '<p><img src="/img/p.jpg" alt="A protest on the square" title="Photo" loading="lazy" /></p>\n',
    );
  });
});

describe('renderMarkdown: tables', () => {
  it('gives aligned cells align-* classes instead of inline styles', () => {
    const out = renderMarkdown('| L | C | R | N |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n', en);
    expect(out).toContain('<th class="align-left" scope="col">L</th>');
    expect(out).toContain('<th class="align-center" scope="col">C</th>');
    expect(out).toContain('<th class="align-right" scope="col">R</th>');
    expect(out).toContain('<th scope="col">N</th>');
    expect(out).toContain('<td class="align-right">3</td>');
    expect(out).toContain('<td>4</td>');
    expect(out).not.toContain('style=');
  });
});

describe('renderMarkdown: footnotes', () => {
  it('renders the reference and the footnote list with linked ids', () => {
    const out = renderMarkdown('Claim.[^src]\n\n[^src]: The source.\n', en);
    expect(out).toContain('<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>');
    expect(out).toContain('<hr class="footnotes-sep" />');
    expect(out).toContain('<section class="footnotes">');
    expect(out).toContain('<li id="fn1" class="footnote-item"><p>The source. <a href="#fnref1" class="footnote-backref">');
  });
});

describe('renderMarkdown: typography', () => {
  it('uses English curly quotes for en', () => {
    expect(renderMarkdown('"Hello," she said, \'hi\'.', en)).toBe('<p>“Hello,” she said, ‘hi’.</p>\n');
  });

  it('uses guillemets and low-high quotes for ru', () => {
    expect(renderMarkdown('"Привет" и \'мир\'', { lang: 'ru' })).toBe('<p>«Привет» и „мир“</p>\n');
  });

  it('uses German quotes for de and French spaced guillemets for fr', () => {
    expect(renderMarkdown('"Hallo"', { lang: 'de-DE' })).toBe('<p>„Hallo“</p>\n');
    expect(renderMarkdown('"Bonjour"', { lang: 'fr' })).toBe('<p>«\u00A0Bonjour\u00A0»</p>\n');
  });

  it('falls back to English quotes for unknown languages', () => {
    expect(renderMarkdown('"Hi"', { lang: 'xx' })).toBe('<p>“Hi”</p>\n');
  });

  it('turns -- into an en dash, --- into an em dash and ... into an ellipsis', () => {
    expect(renderMarkdown('1990--2000 --- wait...', en)).toBe('<p>1990–2000 — wait…</p>\n');
  });

  it('leaves quotes and dashes inside code alone', () => {
    expect(renderMarkdown('`"x" -- y`', en)).toBe('<p><code>"x" -- y</code></p>\n');
  });
});

describe('renderMarkdown: heading anchors', () => {
  it('gives h2–h4 readable lower-case ids without punctuation', () => {
    const out = renderMarkdown('## Hello, World!\n\n### What\'s "new" -- now?\n\n#### Level 4', en);
    expect(out).toContain('<h2 id="hello-world">Hello, World!</h2>');
    expect(out).toContain('<h3 id="whats-new-now">What’s “new” – now?</h3>');
    expect(out).toContain('<h4 id="level-4">Level 4</h4>');
  });

  it('keeps Cyrillic letters in ids', () => {
    expect(renderMarkdown('## Суд и приговор', { lang: 'ru' })).toBe('<h2 id="суд-и-приговор">Суд и приговор</h2>\n');
  });

  it('makes duplicate heading ids unique within a document', () => {
    const out = renderMarkdown('## Update\n\n## Update\n\n## Update', en);
    expect(out).toContain('<h2 id="update">');
    expect(out).toContain('<h2 id="update-1">');
    expect(out).toContain('<h2 id="update-2">');
  });

  it('starts every document with fresh ids', () => {
    renderMarkdown('## Update', en);
    expect(renderMarkdown('## Update', en)).toBe('<h2 id="update">Update</h2>\n');
  });

  it('gives no ids to h1, h5 or h6', () => {
    expect(renderMarkdown('# Top\n\n##### Five', en)).toBe('<h1>Top</h1>\n<h5>Five</h5>\n');
  });

  it('gives headings made only of punctuation a fallback id', () => {
    expect(renderMarkdown('## ???', en)).toBe('<h2 id="section">???</h2>\n');
  });
});

describe('renderMarkdown: links', () => {
  it('gives links to other hosts rel="noopener"', () => {
    expect(renderMarkdown('[BBC](https://www.bbc.co.uk/news)', en)).toBe(
      '<p><a href="https://www.bbc.co.uk/news" rel="noopener">BBC</a></p>\n',
    );
    expect(renderMarkdown('<https://other.test/>', en)).toContain('rel="noopener"');
  });

  it('gives links within the site no rel', () => {
    expect(renderMarkdown('[a](/about) [b](https://paper.test/b) [c](#top)', en)).toBe(
      '<p><a href="/about">a</a> <a href="https://paper.test/b">b</a> <a href="#top">c</a></p>\n',
    );
  });

  it('treats every absolute http(s) link as external when no siteUrl is given', () => {
    expect(renderMarkdown('[a](https://paper.test/b) [b](/b)', { lang: 'en' })).toBe(
      '<p><a href="https://paper.test/b" rel="noopener">a</a> <a href="/b">b</a></p>\n',
    );
  });
});

describe('renderMarkdown: hostile input', () => {
  it.each([
    ['a raw script element', '<script>alert(1)</script>\n\nok'],
    ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ['a Markdown javascript: link', '[x](javascript:alert(1))'],
    ['a mixed-case javascript: href', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['a tab-split javascript: href', '<a href="java&#x09;script:alert(1)">x</a>'],
    ['a data: href', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['a data: image in Markdown', '![x](data:image/png;base64,AAAA)'],
    ['a style attribute', '<p style="color:red">red</p>'],
    ['an iframe', '<iframe src="https://evil.test/"></iframe>'],
    ['an svg with onload', '<svg onload=alert(1)></svg>'],
    ['a form with an input', '<form><input name=pw></form>'],
    ['a target="_blank" link', '<a href="https://other.test/" target="_blank">x</a>'],
  ])('neutralises %s', (_name, source) => {
    expectInert(renderMarkdown(source, en));
  });

  it('never turns a javascript: Markdown link into a link', () => {
    expect(renderMarkdown('[x](javascript:alert(1))', en)).toBe('<p>[x](javascript:alert(1))</p>\n');
  });

  it('drops script content but keeps surrounding text', () => {
    expect(renderMarkdown('<script>alert(1)</script>\n\nok', en)).toBe('\n<p>ok</p>\n');
  });

  it('strips target but gives the external raw HTML link rel="noopener"', () => {
    expect(renderMarkdown('<a href="https://other.test/" target="_blank">x</a>', en)).toBe(
      '<p><a href="https://other.test/" rel="noopener">x</a></p>\n',
    );
  });

  it('removes iframes, svg, forms and inputs completely', () => {
    const out = renderMarkdown('<iframe src="https://evil.test/"></iframe>\n\n<svg onload=alert(1)></svg>\n\n<form><input name=pw></form>', en);
    expect(out).not.toMatch(/<(iframe|svg|form|input)/i);
  });
});

describe('tables wider than a phone', () => {
  it('sit in a focusable, labelled section so keyboard users can scroll them', () => {
    const out = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |', { lang: 'ru' });
    expect(out).toMatch(/^<section class="table-scroll" tabindex="0" aria-label="Таблица \(прокручивается вбок\)"><table>/);
    expect(out.trim()).toMatch(/<\/table><\/section>$/);
  });
});
