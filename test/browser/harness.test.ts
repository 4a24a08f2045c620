import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers.js';
import { checkAccessibility, connectBrowser, type OpenedPage, openPage } from './harness.js';

/**
 * The browser checks themselves: they must see what they are meant to see, or a clean run of
 * reader.test.ts would prove nothing. Runs against an empty site (no demo content needed).
 */

let testApp: TestApp;
let url: string;
let browser: Browser;
let opened: OpenedPage | undefined;

beforeAll(async () => {
  [testApp, browser] = await Promise.all([buildTestApp('sqlite', { now: '2026-11-26T12:00:00Z' }), connectBrowser()]);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(testApp.app.server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

describe('The browser checks', () => {
  it("run axe through page.evaluate while the site's Content-Security-Policy blocks inline scripts", async () => {
    opened = await openPage(browser, url);
    const { page } = opened;
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // An inline script, as addScriptTag would insert, is refused and reported on the console.
    await page.addScriptTag({ content: 'window.__inlineRan = true;' }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    expect(opened.consoleErrors.map((p) => p.text).join('\n')).toMatch(/inline script.*Content Security Policy/i);

    // axe injected by evaluate still loads and runs, and returns a list.
    expect(Array.isArray(await checkAccessibility(page))).toBe(true);
  });

  it('record uncaught page errors', async () => {
    opened = await openPage(browser, url);
    await opened.page.goto('/');
    await opened.page.evaluate(() => {
      setTimeout(() => {
        throw new Error('boom from the page');
      });
    });
    await expect.poll(() => opened!.consoleErrors.map((p) => `${p.kind}: ${p.text}`)).toContain('pageerror: Error: boom from the page');
  });

  it('record, and block, a request to another host', async () => {
    opened = await openPage(browser, url);
    await opened.page.goto('/');
    // localhost is another origin than 127.0.0.1; a navigation is not limited by the CSP.
    const elsewhere = url.replace('127.0.0.1', 'localhost');
    await expect(opened.page.goto(`${elsewhere}/`)).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(opened.foreignRequests).toEqual([`GET ${elsewhere}/ (document)`]);
  });
});
