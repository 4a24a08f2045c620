import { describe, expect, it } from 'vitest';
import { cdata, el, toXmlDocument } from './xml.js';

describe('the XML builder', () => {
  it('escapes text and attributes, and drops characters XML cannot carry', () => {
    const doc = toXmlDocument(el('a', { title: 'say "hi" & <go>\n' }, 'Tom & <Jerry> \u0000\u0007\uFFFE\uD800 ok'));
    expect(doc).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a title="say &quot;hi&quot; &amp; &lt;go&gt;&#10;">Tom &amp; &lt;Jerry&gt;  ok</a>\n');
  });

  it('splits "]]>" across two CDATA sections so HTML content cannot end the section early', () => {
    expect(toXmlDocument(el('c', {}, cdata('<p>a ]]> b</p>')))).toContain('<c><![CDATA[<p>a ]]]]><![CDATA[> b</p>]]></c>');
  });

  it('puts each child of the root on its own line and leaves out undefined attributes and empty children', () => {
    const doc = toXmlDocument(el('root', {}, [el('x', { a: undefined }), null, false, el('y', {}, el('z', {}, 1))]));
    expect(doc).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<root>\n<x/>\n<y><z>1</z></y>\n</root>\n');
  });

  it('refuses element and attribute names that are not XML names', () => {
    expect(() => el('a b')).toThrow(/Not an XML name/);
    expect(() => el('a', { 'x"y': '1' })).toThrow(/Not an XML name/);
  });
});
