import type { AddressInfo } from 'node:net';
import { seedDemo } from '../src/features/demo/index.js';
import { buildTestApp, type TestApp } from './helpers.js';

/** The moment every demo post has been published (the newest is dated 18 November 2026). */
export const DEMO_NOW = '2026-11-26T12:00:00Z';

export interface DemoServer {
  /** `http://127.0.0.1:PORT`, no trailing slash; also the site's base URL, so canonical links are same-origin. */
  url: string;
  testApp: TestApp;
  close(): Promise<void>;
}

/**
 * The real app over a fresh SQLite database, listening on a random local port, with the demo
 * newsroom loaded and the clock standing at DEMO_NOW. For tests that drive a real browser.
 * The page cache is off unless `pageCache` is set.
 */
export async function startDemoServer(options: { pageCache?: boolean } = {}): Promise<DemoServer> {
  const testApp = await buildTestApp('sqlite', { now: DEMO_NOW, config: { pageCache: options.pageCache ? 'on' : 'off' } });
  try {
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = testApp.app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    await seedDemo({ db: testApp.ctx.database.db, clock: testApp.clock }, { baseUrl: url });
    let closing: Promise<void> | undefined;
    return { url, testApp, close: () => (closing ??= testApp.close()) };
  } catch (error) {
    await testApp.close();
    throw error;
  }
}
