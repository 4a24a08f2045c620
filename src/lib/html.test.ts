import { describe, expect, it } from 'vitest';
import { attrs, html, raw } from './html.js';

describe('html templates', () => {
  it('escape every interpolated string so reader text can never become markup', () => {
    const name = `<script>alert("x")</script> & 'friends'`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;</p>',
    );
  });

  it('insert nested templates and trusted HTML unchanged, and skip empty values', () => {
    const items = ['a', 'b'].map((x) => html`<li>${x}</li>`);
    const out = html`<ul>${items}</ul>${null}${undefined}${false}${raw('<hr>')}${0}`;
    expect(out.toString()).toBe('<ul><li>a</li><li>b</li></ul><hr>0');
  });

  it('render attributes, dropping absent ones and escaping values', () => {
    expect(attrs({ href: '/a?b=1&c="2"', hidden: true, rel: null, lang: undefined }).toString()).toBe(
      ' href="/a?b=1&amp;c=&quot;2&quot;" hidden',
    );
  });
});
