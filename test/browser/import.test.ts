import { afterAll, describe, expect, it } from 'vitest';
import { importJobHandlers } from '../../src/features/import/index.js';
import { createWorker, type Worker } from '../../src/features/jobs/index.js';
import { givenUser, PASSWORD } from '../admin.js';
import { wxrFixture } from '../wordpress.js';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage } from './harness.js';

/**
 * An admin moving a WordPress site in through the import page in a real Chromium: the real form
 * (a file input, no JavaScript needed), the run page reloading itself until it is finished.
 * The server runs the background worker as `serve` does.
 */

const ADMIN = { email: 'owner@lantern.example', name: 'Olga Owner' };

let worker: Worker | undefined;

const site = useDemoSite({
  setUp: async (server) => {
    await givenUser(server.testApp.ctx, 'admin', ADMIN.email, ADMIN.name);
    const { ctx, clock } = server.testApp;
    worker = createWorker(
      { db: ctx.database.db, helpers: ctx.database.helpers, clock, log: ctx.log },
      { handlers: importJobHandlers({ dataDir: ctx.config.dataDir, clock }) },
      { pollMs: 200 },
    );
    await worker.start();
  },
});

// afterAll hooks run in reverse order of registration (vitest's default 'stack' order), so the
// worker stops before useDemoSite closes the server and its database.
afterAll(async () => {
  await worker?.stop();
});

describe('An admin importing a WordPress export in a real browser', () => {
  it('uploads the file through the form and watches the run page reload itself until it says finished, with the counts', { timeout: 90_000 }, async () => {
    const opened = await site.open();
    const { page } = opened;
    await page.goto('/admin/');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in' }).click()]);

    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Import', exact: true }).click()]);
    expect(new URL(page.url()).pathname).toBe('/admin/import');
    await expect(page.locator('main h1').textContent()).resolves.toBe('Import from WordPress');
    await page.getByLabel(/WordPress export file/).setInputFiles(wxrFixture('site-1.2.xml'));
    await page.getByLabel('Leave them out').check();
    await Promise.all([page.waitForURL(/\/admin\/import\/runs\/\d+$/), page.getByRole('button', { name: 'Upload and import' }).click()]);

    // No script: the page's <meta http-equiv="refresh"> brings each new state.
    await expect.poll(() => page.locator('.import-status strong').textContent(), { timeout: 60_000, interval: 500 }).toBe('finished');
    await page.waitForLoadState('load');
    expect(await page.locator('table.import-counts').first().locator('caption').textContent()).toBe('Imported');
    expect(await page.getByRole('row', { name: /^post 10$/ }).count()).toBe(1);
    expect(await page.getByText('post 14 “Staff only”').count()).toBe(1);
    await expectHealthyPage(opened);

    await page.goto('/2019/05/tram-strike/');
    await expect(page.locator('h1').first().textContent()).resolves.toContain('Tram drivers strike for a second day');
  });
});
