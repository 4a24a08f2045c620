import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { raw } from '../../lib/html.js';
import { capture, type CaptureOptions, type FragmentMemo } from './capture.js';
import { type FragmentSource, markFragment } from './fragments.js';
import { createUtf8Joiner } from './utf8-join.js';

const reply = { getHeader: (name: string) => (name === 'content-type' ? 'text/html; charset=utf-8' : undefined) } as unknown as FastifyReply;
const sidebar: FragmentSource = { tags: ['sidebar'], render: async () => null };

function page(article: string, side: string, csrf = 'token-one'): string {
  return `<main><h1>${article}</h1><form><input type="hidden" name="_csrf" value="${csrf}"></form></main>`
    + markFragment('sidebar', 'en/2026-11', raw(side)).value + '<footer>© Київ — “Lantern”</footer>';
}

describe('capturing a rendered page', () => {
  const options = (memo: FragmentMemo, keep = false): CaptureOptions => ({
    fields: new Set(['_csrf']), sources: { sidebar }, nowMs: 0, join: createUtf8Joiner(), memo, keep,
  });

  it('sends the very UTF-8 bytes of the page, text outside Latin-1 and per-reader fields included', () => {
    const html = page('Tramway strike — “day two”', '<aside>Архів · 2026</aside>');
    for (const keep of [false, true]) {
      const { body, page: captured } = capture(reply, html, new Set(['post:1']), options(new Map(), keep));
      expect(body.equals(Buffer.from(html))).toBe(true);
      expect(captured.parts.length).toBe(keep ? 3 : 0);
    }
  });

  it('gives the page a new ETag when only its sidebar changed, and the same one when nothing did', () => {
    const memo: FragmentMemo = new Map();
    const etag = (html: string) => capture(reply, html, new Set(['post:1']), options(memo)).page.headers.etag;
    const first = etag(page('Strike', '<aside>November — 3 posts</aside>'));
    expect(etag(page('Strike', '<aside>November — 3 posts</aside>'))).toBe(first);
    const changed = etag(page('Strike', '<aside>November — 4 posts</aside>'));
    expect(changed).not.toBe(first);
    expect(etag(page('Strike', '<aside>November — 3 posts</aside>'))).toBe(first);
    expect(etag(page('Strike!', '<aside>November — 3 posts</aside>'))).not.toBe(first);
  });

  it('gives readers of the same page with their own CSRF tokens the same weak ETag', () => {
    const etag = (csrf: string) => capture(reply, page('Strike', '<aside>x</aside>', csrf), new Set(), options(new Map())).page.headers.etag;
    expect(etag('token-one')).toMatch(/^W\//);
    expect(etag('token-two')).toBe(etag('token-one'));
  });
});
