import { transform } from 'esbuild';
import { SourceMap, type SourceMapping } from 'node:module';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { escapeNonAscii } from '../../scripts/ascii-only.mjs';

// What the build does to the bundle (scripts/ascii-only.mjs): every non-ASCII character becomes
// a \u escape, so V8 keeps the source at one byte a character, and the code means the same.
const SOURCE = [
  'const tag = (strings, ...values) => strings.map((s, i) => s + (values[i] ?? "")).join("");',
  'const who = "Ana";',
  'exports.meta = tag`By ${who} · 27 November → “read on”`;',
  'exports.plain = `${who} — ‘quoted’ …`;',
  'exports.dashes = "a–b—c".replace(/[–—]/g, "-");',
  'exports.eszett = "STRAẞE".replace(/ẞ/g, "ß");',
  'exports.identity = /\\…/.test("…");',
  'exports.emoji = "📰 news".length + /📰/u.test("📰") + /\\u{1F4F0}/u.source;',
  'exports.after = function afterTheEscapes() { return new Error("here").stack; };',
].join('\n');

function run(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  vm.runInNewContext(code, { module, exports: module.exports });
  const { after: _after, ...values } = module.exports;
  return values;
}

describe('the bundle is pure ASCII and means the same', () => {
  it('escapes template literals, regular expressions and strings with the same values', async () => {
    const built = await transform(SOURCE, { format: 'cjs', minifyWhitespace: true, sourcemap: 'external', sourcefile: 'source.js' });
    expect(built.code).toMatch(/[^\x00-\x7f]/);
    const ascii = escapeNonAscii(built.code, JSON.parse(built.map));
    expect(ascii.code).not.toMatch(/[^\x00-\x7f]/);
    expect(ascii.escaped).toBeGreaterThan(5);
    expect(run(ascii.code)).toEqual(run(built.code));
    expect(run(ascii.code)).toMatchObject({ meta: 'By Ana · 27 November → “read on”', dashes: 'a-b-c', eszett: 'STRAßE', identity: true });
  });

  it('moves the source map with the text, so code after an escape maps to where it was written', async () => {
    const built = await transform(SOURCE, { format: 'cjs', minifyWhitespace: true, sourcemap: 'external', sourcefile: 'source.js' });
    const ascii = escapeNonAscii(built.code, JSON.parse(built.map));
    const before = new SourceMap(JSON.parse(built.map));
    const after = new SourceMap(ascii.map);
    const lineOf = (code: string, text: string) => code.split('\n').findIndex((line) => line.includes(text));
    for (const token of ['afterTheEscapes', 'replace', 'test']) {
      const lineBefore = lineOf(built.code, token);
      const lineAfter = lineOf(ascii.code, token);
      const columnBefore = built.code.split('\n')[lineBefore]!.lastIndexOf(token);
      const columnAfter = ascii.code.split('\n')[lineAfter]!.lastIndexOf(token);
      expect(columnAfter, token).toBeGreaterThan(columnBefore);
      const a = before.findEntry(lineBefore, columnBefore) as SourceMapping;
      const b = after.findEntry(lineAfter, columnAfter) as SourceMapping;
      expect(a.originalLine, token).toBeTypeOf('number');
      expect({ line: b.originalLine, column: b.originalColumn }, token).toEqual({ line: a.originalLine, column: a.originalColumn });
    }
  });
});
