import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { seedDemo } from '../demo/index.js';

describe.each(DIALECTS)('the demo newsroom’s drive on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-11-26T12:00:00Z' });
    await seedDemo({ db: t.ctx.database.db, clock: t.clock }, { baseUrl: 'http://127.0.0.1:3000' });
  });
  afterEach(async () => t.close());

  it('runs a drive whose page counts its confirmed gifts and not the refunded one, and is linked from the donate page’s appeals', async () => {
    const page = await t.app.inject('/donate/drive/keep-the-lantern-lit/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<strong>€885 raised of €5,000</strong> · <span class="drive-percent">17%</span> · <span class="drive-supporters">7 supporters</span>');
    expect(page.body).toContain('<li>The Velmora Chess Club</li>');
    expect(page.body).not.toContain('Someone who changed their mind');
    const donate = (await t.app.inject('/donate/')).body;
    expect(donate).toContain('href="https://www.patreon.com/thelanterndemo"');
    expect(donate).toContain('Card payments are not available here yet');
  });

  it('adds no second drive or gifts when the demo is loaded again', async () => {
    await seedDemo({ db: t.ctx.database.db, clock: t.clock }, { baseUrl: 'http://127.0.0.1:3000' });
    expect(await t.ctx.database.db.selectFrom('donation_drives').select('id').execute()).toHaveLength(1);
    expect(await t.ctx.database.db.selectFrom('donations').select('id').execute()).toHaveLength(8);
  });
});
