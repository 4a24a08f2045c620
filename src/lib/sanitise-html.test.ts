import { describe, it, expect } from 'vitest';
import { isExternalUrl, sanitiseArticleHtml } from './sanitise-html.js';

/** Properties every sanitised output must have, whatever went in. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/vbscript:/i);
  expect(html).not.toMatch(/style=/i);
  expect(html).not.toMatch(/target=/i);
}

describe('sanitiseArticleHtml', () => {
  it('keeps ordinary article markup exactly as written', () => {
    const html =
      '<h2 id="a">Head</h2><p><em>e</em> <strong>s</strong> <abbr title="World Health Organization">WHO</abbr> ' +
      '<time datetime="2024-05-01">1 May</time> <mark>m</mark> <sub>2</sub><sup>3</sup></p>' +
      '<blockquote><p>Quote</p></blockquote><figure><figcaption>Cap</figcaption></figure>' +
      '<ol start="3" reversed><li>x</li></ol><details open><summary>More</summary>y</details>';
    expect(sanitiseArticleHtml(html)).toBe(html);
  });

  it('keeps table structure with scope, spans and alignment classes', () => {
    const html =
      '<table><caption>C</caption><thead><tr><th scope="col" class="align-right">h</th></tr></thead>' +
      '<tbody><tr><td colspan="2" rowspan="1" class="align-center">d</td></tr></tbody></table>';
    expect(sanitiseArticleHtml(html)).toBe(html);
  });

  it('keeps footnote and anchor classes but drops any other class', () => {
    const out = sanitiseArticleHtml(
      '<sup class="footnote-ref evil"><a href="#fn1" id="fnref1">[1]</a></sup>' +
        '<section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item">n</li></ol></section>' +
        '<p class="big">x</p><code class="language-ts">c</code>',
    );
    expect(out).toContain('<sup class="footnote-ref">');
    expect(out).toContain('<section class="footnotes">');
    expect(out).toContain('<li id="fn1" class="footnote-item">');
    expect(out).toContain('<p>x</p>');
    expect(out).toContain('<code class="language-ts">');
  });

  it('keeps http, https, mailto, tel and relative links', () => {
    for (const href of ['https://a.test/x', 'http://a.test/', 'mailto:ed@a.test', 'tel:+441234', '/about', '#fn1', 'page?x=1']) {
      expect(sanitiseArticleHtml(`<a href="${href}">x</a>`)).toContain(`href="${href}"`);
    }
  });

  it.each([
    ['a script element and its content', '<script>alert(1)</script>ok', 'ok'],
    ['an onerror handler on an image', '<img src=x onerror=alert(1)>', '<img src="x" loading="lazy" />'],
    ['a mixed-case javascript: href', '<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['a javascript: href split by an encoded tab', '<a href="java&#x09;script:alert(1)">x</a>', '<a>x</a>'],
    ['an entity-encoded javascript: href', '<a href="&#106;avascript:alert(1)">x</a>', '<a>x</a>'],
    ['a vbscript: href', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['a data: href', '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['a data: image source', '<p><img src="data:image/svg+xml,<svg onload=alert(1)>"></p>', '<p></p>'],
    ['a style attribute', '<p style="color:red">red</p>', '<p>red</p>'],
    ['an iframe', '<iframe src="https://evil.test/"></iframe>after', 'after'],
    ['an svg with onload', '<svg onload=alert(1)><a href="/x">in</a></svg>after', 'after'],
    ['a math element', '<math><mi href="javascript:alert(1)">x</mi></math>after', 'after'],
    ['a form with inputs', '<form action="/steal"><input name="pw">text</form>', 'text'],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf">after', 'after'],
    ['a style element', '<style>body{display:none}</style>after', 'after'],
    ['an inline event handler', '<p onclick="alert(1)" onmouseover=alert(1)>p</p>', '<p>p</p>'],
  ])('removes %s', (_name, input, expected) => {
    const out = sanitiseArticleHtml(input);
    expect(out).toBe(expected);
    expectInert(out);
  });

  it('removes target and gives links to other hosts rel="noopener"', () => {
    const out = sanitiseArticleHtml('<a href="https://other.test/" target="_blank">x</a>', { siteUrl: 'https://paper.test' });
    expect(out).toBe('<a href="https://other.test/" rel="noopener">x</a>');
  });

  it('treats protocol-relative and backslash tricks as links to other hosts', () => {
    expect(sanitiseArticleHtml('<a href="//evil.test/">x</a>')).toContain('rel="noopener"');
    expect(sanitiseArticleHtml('<a href="/\\evil.test/">x</a>', { siteUrl: 'https://paper.test' })).toContain('rel="noopener"');
  });

  it('gives links to our own host no rel and drops unknown rel values', () => {
    const site = { siteUrl: 'https://paper.test/' };
    expect(sanitiseArticleHtml('<a href="https://paper.test/a" target="_top">x</a>', site)).toBe('<a href="https://paper.test/a">x</a>');
    expect(sanitiseArticleHtml('<a href="/a" rel="opener nofollow">x</a>', site)).toBe('<a href="/a" rel="nofollow">x</a>');
  });

  it('makes images lazy unless they ask to be eager, and drops non-numeric sizes', () => {
    expect(sanitiseArticleHtml('<img src="/a.jpg" alt="A cat" width="640" height="50%">')).toBe(
      '<img src="/a.jpg" alt="A cat" width="640" loading="lazy" />',
    );
    expect(sanitiseArticleHtml('<img src="/a.jpg" alt="" loading="eager">')).toBe('<img src="/a.jpg" alt="" loading="eager" />');
  });

  it('never throws, even on non-string or pathological input', () => {
    expect(sanitiseArticleHtml(undefined as unknown as string)).toBe('');
    expect(() => sanitiseArticleHtml('<div>'.repeat(20_000))).not.toThrow();
    expect(sanitiseArticleHtml('<<>>&"\'')).toBe('&lt;&lt;&gt;&gt;&amp;"\'');
  });
});

describe('isExternalUrl', () => {
  it('says which URLs leave the site', () => {
    const site = 'https://paper.test';
    expect(isExternalUrl('https://other.test/x', site)).toBe(true);
    expect(isExternalUrl('https://PAPER.test/x', site)).toBe(false);
    expect(isExternalUrl('/x', site)).toBe(false);
    expect(isExternalUrl('mailto:a@b.test', site)).toBe(false);
    expect(isExternalUrl('https://paper.test/x')).toBe(true);
    expect(isExternalUrl('not a url at all', 'also not a url')).toBe(false);
  });
});
