import { describe, expect, it } from 'vitest';
import { wpautop } from './wpautop.js';

describe('wpautop (as WordPress shows post content)', () => {
  it('makes paragraphs of double line breaks and <br /> of single ones', () => {
    expect(wpautop('Hello\nworld\n\nSecond')).toBe('<p>Hello<br />\nworld</p>\n<p>Second</p>\n');
  });

  it('leaves block elements unwrapped and text inside a div in its own paragraph', () => {
    expect(wpautop('<div>one</div>\n\ntwo')).toBe('<div>one</div>\n<p>two</p>\n');
    expect(wpautop('<h2>Title</h2>\nText')).toBe('<h2>Title</h2>\n<p>Text</p>\n');
  });

  it('keeps line breaks inside <pre> and inside a tag as they were', () => {
    expect(wpautop('<pre>a\n\nb</pre>')).toBe('<pre>a\n\nb</pre>\n');
    expect(wpautop('see <a href="x"\ntitle="y">this</a>')).toBe('<p>see <a href="x"\ntitle="y">this</a></p>\n');
  });

  it('wraps list items without paragraphs and blockquotes with paragraphs inside', () => {
    expect(wpautop('<ul>\n<li>a</li>\n<li>b</li>\n</ul>')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n');
    expect(wpautop('<blockquote>Quoted</blockquote>')).toBe('<blockquote><p>Quoted</p></blockquote>\n');
  });

  it('treats a non-breaking space as text, not as white space', () => {
    expect(wpautop('a\u00a0\n\nb')).toBe('<p>a\u00a0</p>\n<p>b</p>\n');
  });

  it('returns nothing for blank content', () => {
    expect(wpautop(' \n ')).toBe('');
  });
});
