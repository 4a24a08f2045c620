import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../browser-server.js';
import { connectBrowser, expectHealthyPage, type OpenedPage, openPage } from './harness.js';

/**
 * JSON-LD and print in a real Chromium: the site's CSP (`script-src 'self'`) must not object to
 * the JSON-LD data block, and an article must print without the site's furniture.
 */

let server: DemoServer;
let browser: Browser;
let opened: OpenedPage | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), connectBrowser()]);
});
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The first article linked from the home page. */
async function openFirstArticle(): Promise<OpenedPage> {
  opened = await openPage(browser, server.url);
  await opened.page.goto('/');
  await opened.page.locator('main ol.posts article h2 a').first().click();
  await opened.page.waitForURL(/\/\d{4}\/\d{2}\/[^/]+\/$/);
  return opened;
}

describe('an article in the browser', () => {
  it('carries a NewsArticle JSON-LD block that the browser reads as data, with no CSP error in the console', async () => {
    const { page } = await openFirstArticle();
    await expectHealthyPage(opened!);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]!) as Record<string, unknown>;
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(await page.locator('main h1').textContent());
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': page.url() });
  });

  it('prints without navigation, sidebar, skip link or article navigation, in a serif on white', async () => {
    const { page } = await openFirstArticle();
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.skip', '.site-header nav', '.sidebar', '.adjacent', '.site-footer'].map((selector) => {
        const element = document.querySelector(selector);
        return [selector, element ? getComputedStyle(element).display : 'none'];
      }),
    );
    expect(Object.fromEntries(hidden)).toEqual({
      '.skip': 'none', '.site-header nav': 'none', '.sidebar': 'none', '.adjacent': 'none', '.site-footer': 'none',
    });
    const body = await page.evaluate(() => ({ font: getComputedStyle(document.body).fontFamily, background: getComputedStyle(document.body).backgroundColor }));
    expect(body.font).toMatch(/serif/);
    expect(body.background).toBe('rgba(0, 0, 0, 0)');
    const after = await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.org/report';
      link.textContent = 'report';
      document.querySelector('.article .body')!.append(link);
      return getComputedStyle(link, '::after').content;
    });
    // Chromium reports either the resolved string or the declared value; both show the address.
    expect(after).toMatch(/^" \(" attr\(href\) "\)"$|^" \(https:\/\/example\.org\/report\)"$/);
  });
});
