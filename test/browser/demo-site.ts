import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type DemoServer, startDemoServer } from '../browser-server.js';
import { connectBrowser, type OpenedPage, type OpenPageOptions, openPage } from './harness.js';

export interface DemoSite {
  /** The demo site served over HTTP, set once `beforeAll` has run. */
  readonly server: DemoServer;
  /** The shared Chromium, connected once `beforeAll` has run. */
  readonly browser: Browser;
  /** A new page in its own context, closed after the test. */
  open(options?: OpenPageOptions): Promise<OpenedPage>;
}

/**
 * The usual life of a browser test file: the demo site and the shared Chromium before all
 * tests (then `setUp`, for what the file needs beyond the demo), every opened page closed after
 * each test, both closed after all.
 */
export function useDemoSite(options: { pageCache?: boolean; setUp?: (server: DemoServer) => Promise<void> } = {}): DemoSite {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const pages: OpenedPage[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer({ pageCache: options.pageCache ?? false }), connectBrowser()]);
    await options.setUp?.(server);
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`the ${what} is not there yet: use it inside a test or hook`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'demo server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async open(openOptions) {
      const opened = await openPage(ready(browser, 'browser'), ready(server, 'demo server').url, openOptions);
      pages.push(opened);
      return opened;
    },
  };
}
