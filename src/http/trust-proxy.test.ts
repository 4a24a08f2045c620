import { afterEach, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../test/admin.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/helpers.js';

// nginx as the README sets it up: on 127.0.0.1, appending the address it saw to X-Forwarded-For.
const THROUGH_NGINX = { 'x-forwarded-for': '198.51.100.66, 203.0.113.9', 'x-forwarded-proto': 'https' };

describe.each(DIALECTS)('the client address behind a reverse proxy on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  /** The addresses the sign-in limit counted, after one failed sign-in through nginx. */
  async function countedAddresses(trustProxy: string): Promise<string[]> {
    t = await buildTestApp(dialect, { config: { trustProxy } });
    const browser = new TestBrowser(t.app);
    await browser.get('/admin/');
    const res = await browser.post('/admin/sign-in', { email: 'nobody@lantern.example', password: 'wrong horse' }, THROUGH_NGINX);
    expect(res.statusCode).toBeLessThan(500);
    const rows = await t.ctx.database.db.selectFrom('rate_limits').select('key').where('key', 'like', 'sign-in:ip:%').execute();
    return rows.map((r) => r.key.slice('sign-in:ip:'.length));
  }

  it('counts a reader at the address nginx saw, not one they wrote into X-Forwarded-For, with TRUST_PROXY set to the proxy’s address', async () => {
    expect(await countedAddresses('127.0.0.1')).toEqual(['203.0.113.9']);
  });
});
