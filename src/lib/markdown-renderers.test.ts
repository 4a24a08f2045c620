import { describe, expect, it, vi } from 'vitest';

// Counts the markdown-it instances markdown.ts builds.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('markdown-it', async (importOriginal) => {
  const MarkdownIt = (await importOriginal<typeof import('markdown-it')>()).default;
  class Counted extends MarkdownIt {
    constructor(...args: ConstructorParameters<typeof MarkdownIt>) {
      super(...args);
      built.count++;
    }
  }
  return { default: Counted };
});

describe('renderMarkdown: renderers', () => {
  it('builds none until Markdown is rendered, then one per language on its first use, and reuses it', async () => {
    // Files share a worker's modules (isolate: false): another file may have loaded markdown.ts
    // with the real markdown-it already. A fresh copy is built here, against the counted one.
    vi.resetModules();
    const { renderMarkdown } = await import('./markdown.js');
    expect(built.count).toBe(0);
    expect(renderMarkdown('"Hi"', { lang: 'en' })).toBe('<p>“Hi”</p>\n');
    renderMarkdown('"Again"', { lang: 'en-GB' });
    renderMarkdown('"Unknown"', { lang: 'xx' });
    expect(built.count).toBe(1);
    expect(renderMarkdown('"Привет"', { lang: 'ru' })).toBe('<p>«Привет»</p>\n');
    renderMarkdown('"Снова"', { lang: 'ru-RU' });
    expect(built.count).toBe(2);
  });
});
