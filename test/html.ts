import { HtmlValidate } from 'html-validate';
import { expect } from 'vitest';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Typographic and editorial choices, not validity:
    'no-trailing-whitespace': 'off',
    'attribute-boolean-style': 'off',
    'doctype-style': 'off',
    'void-style': 'off',
    'no-inline-style': 'error',
    'long-title': 'off',
  },
});

/** Fails the test with every html-validate message when the page is not valid HTML5. */
export async function expectValidHtml(markup: string, where = 'page'): Promise<void> {
  const report = await validator.validateString(markup);
  const messages = report.results.flatMap((r) =>
    r.messages.map((m) => `${where}:${m.line}:${m.column} ${m.ruleId}: ${m.message} — ${lineOf(markup, m.line)}`),
  );
  expect(messages, `html-validate found problems in ${where}`).toEqual([]);
}

function lineOf(markup: string, line: number): string {
  return (markup.split('\n')[line - 1] ?? '').trim().slice(0, 160);
}

/** The text of the first element matching a simple tag/attribute regex, for readable asserts. */
export function textOf(markup: string, pattern: RegExp): string | undefined {
  const match = markup.match(pattern);
  return match?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}
