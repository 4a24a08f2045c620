import { describe, expect, it } from 'vitest';
import { describeHtml } from './html-text.js';

describe('a description made from an HTML body', () => {
  it('is the text of the first paragraph with words in it, entities decoded and whitespace collapsed', () => {
    expect(describeHtml('<h2>About</h2>\n<p>  </p><p>We are <strong>The Lantern</strong> &amp; friends,\n a newsroom.</p><p>More.</p>')).toBe(
      'We are The Lantern & friends, a newsroom.',
    );
  });

  it('falls back to all the text when there is no paragraph, and is empty for a body without text', () => {
    expect(describeHtml('<ul><li>One</li><li>Two</li></ul>')).toBe('OneTwo');
    expect(describeHtml('<figure><img src="/a.jpg" alt=""></figure>')).toBe('');
  });

  it('is cut at a word with an ellipsis to stay within the length search results show', () => {
    const text = describeHtml(`<p>${'Привет, мир и всё остальное. '.repeat(20)}</p>`);
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text).toMatch(/^Привет, мир .*[^\s,.]…$/);
  });
});
