import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanWxr } from './scan.js';
import { toRecord } from './wxr-records.js';
import { WxrError } from './wxr-error.js';
import { openWxr } from './wxr-reader.js';

const fixture = (name: string) => path.join(import.meta.dirname, '../../../test/fixtures/wordpress', name);

async function failure(name: string): Promise<WxrError> {
  const error = await scanWxr(fixture(name)).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WxrError);
  return error as WxrError;
}

describe('reading a WordPress export', () => {
  it.each(['1.0', '1.1'])('reads WXR %s items with their namespaced fields', async (version) => {
    const records = [];
    for await (const node of openWxr(fixture(`site-${version}.xml`)).nodes) records.push(toRecord(node));
    const item = records.find((r) => r.kind === 'item');
    expect(item?.kind === 'item' && item.item.id).toBeTruthy();
    expect(records).toContainEqual({ kind: 'site', field: 'wxr_version', value: version });
    if (item?.kind !== 'item') throw new Error('no item');
    expect(item.item.type).toBe('post');
    expect(item.item.content).toContain('First paragraph &amp; more.');
    expect(item.item.excerpt).toBe('An old post');
    expect(item.item.comments[0]?.author).toBe('Reader');
  });

  it('learns the site address, the item count and the attachments on the first pass', async () => {
    const scan = await scanWxr(fixture('site-1.2.xml'));
    expect(scan.siteUrl).toBe('https://oldlamp.example');
    expect(scan.items).toBe(15);
    expect(scan.attachments.get('10')).toMatchObject({ url: 'https://oldlamp.example/wp-content/uploads/2019/05/depot.jpg', alt: 'Trams lined up in the depot', parent: '11' });
  });

  it('stops a truncated file with the line where it ends and why', async () => {
    const error = await failure('broken-truncated.xml');
    expect(error.line).toBeGreaterThan(20);
    expect(error.message).toMatch(/^line \d+, column \d+: .*unclosed/i);
  });

  it('stops at an undefined entity with its line', async () => {
    const error = await failure('broken-entity.xml');
    expect(error.line).toBe(55);
    expect(error.reason).toMatch(/undefined entity/i);
  });

  it('refuses a file that is not a WordPress export, naming its root element', async () => {
    const error = await failure('broken-root.xml');
    expect(error.line).toBe(2);
    expect(error.reason).toContain('the root element is <feed>, not <rss>');
  });
});
