import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPage, givenPost, givenSettings } from '../../test/fixtures.js';
import { expectValidHtml } from '../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/helpers.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

function expectSecurityHeaders(headers: Record<string, unknown>, where: string): void {
  expect(headers['content-security-policy'], where).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
}

describe('the content security policy', () => {
  it('allows no inline script, no other origin and no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe.each(DIALECTS)('the HTTP edge on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    await givenSettings(t.ctx, { title: 'The Lantern', baseUrl: 'https://lantern.example' });
  });
  afterEach(async () => t.close());

  it('put security headers on pages, 404s, redirects, errors and assets alike', async () => {
    await givenPage(t.ctx, 'about', 'About us');
    const home = await t.app.inject('/');
    const stylesheet = home.body.match(/<link rel="stylesheet" href="([^"]+)">/)![1]!;
    for (const path of ['/', '/about/', '/about', '/no-such-page/', '/2026/13/x/', '/%E0%A4%A/', stylesheet, `/${'a'.repeat(400)}/`]) {
      const res = await t.app.inject(path);
      expectSecurityHeaders(res.headers, path);
    }
  });

  it('serve a static page at /slug/ and redirect /slug to it, keeping the query', async () => {
    await givenPage(t.ctx, 'about', 'About The Lantern', 'We are *independent*.');
    const page = await t.app.inject('/about/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>About The Lantern</h1>');
    expect(page.body).toContain('<em>independent</em>');
    expect(page.body).toContain('<a href="/about/">About The Lantern</a>');
    await expectValidHtml(page.body, 'static page');
    const bare = await t.app.inject('/about?ref=menu');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/about/?ref=menu');
  });

  it('show a helpful 404 page with the latest articles and a way home', async () => {
    await givenPost(t.ctx, { title: 'Latest report' });
    const res = await t.app.inject('/no-such-thing/');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<h1>Page not found</h1>');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.body).toMatch(/<h2>Latest articles<\/h2>\s*<ol class="posts"><li><article class="teaser">\s*<h3><a href="[^"]+">Latest report<\/a><\/h3>/);
    expect(res.body).toContain('<a href="/">Go to the front page</a>');
    await expectValidHtml(res.body, '404 page');
  });

  it('follow the redirects table with a 301, with or without the trailing slash', async () => {
    await t.ctx.database.db
      .insertInto('redirects')
      .values({ from_path: '/old-story/', to_path: '/2026/01/new-story/', created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    for (const path of ['/old-story/', '/old-story']) {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(301);
      expect(res.headers.location, path).toBe('/2026/01/new-story/');
    }
  });

  it('never redirect a missing file or an open-redirect trick to another host', async () => {
    expect((await t.app.inject('/favicon.ico')).statusCode).toBe(404);
    const trick = await t.app.inject('//evil.example');
    expect(trick.statusCode).toBe(404);
    expect(trick.headers.location).toBeUndefined();
  });

  it('refuse an over-long address with 414', async () => {
    const res = await t.app.inject(`/${'x'.repeat(3000)}/`);
    expect(res.statusCode).toBe(414);
  });

  it('answer 404 on unknown paths and malformed input, never 500', async () => {
    for (const path of ['/wp-login.php', '/../../etc/passwd', '/category/../../x/', '/tag/%00/', '/author/%ff/', '/page/abc/',
      '/page/99999999999/', '/category/no-such/', '/a/b/c/d/e/']) {
      const res = await t.app.inject(path);
      expect([301, 404], path).toContain(res.statusCode);
    }
  });

  it('send a stylesheet that browsers may cache for a year', async () => {
    const home = await t.app.inject('/');
    const href = home.body.match(/<link rel="stylesheet" href="([^"]+)">/)![1]!;
    expect(href).toMatch(/^\/assets\/site\.css\?v=[0-9a-f]{10}$/);
    const css = await t.app.inject(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('the real HTTP server', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp('sqlite');
  });
  afterEach(async () => t.close());

  it('refuses oversized request headers with 431', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/', headers: { 'x-big': 'y'.repeat(20_000) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    expect(status).toBe(431);
  });
});
