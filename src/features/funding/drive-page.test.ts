import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenDrive, givenFunding } from '../../../test/funding.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { expectValidHtml } from '../../../test/html.js';
import { recordManualDonation } from './manual.js';

describe.each(DIALECTS)('a drive page on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    await givenFunding(t);
  });
  afterEach(async () => t.close());

  const gift = (driveId: number, amountMinor: number, displayName: string, email: string, currency = 'EUR') =>
    recordManualDonation(t.ctx.database.db, { amountMinor, currency, receivedAt: '2026-06-10T10:00:00.000Z', driveId, displayName, email });

  it('shows an accessible progress bar with the amount raised, percentage and supporters, and a thank-you list of public names only', async () => {
    const drive = await givenDrive(t);
    await gift(drive.id, 100_000, 'Ada L.', 'ada@private.example');
    await gift(drive.id, 25_000, '', 'quiet@private.example');
    await gift(drive.id, 9_900, 'Dollar Donor', 'usd@private.example', 'USD');
    const page = (await t.app.inject(`/donate/drive/${drive.slug}/`)).body;
    expect(page).toContain('<progress max="500000" value="125000" aria-label="Progress of Keep the Lantern lit">25%</progress>');
    expect(page).toContain('<strong>€1,250 raised of €5,000</strong> · <span class="drive-percent">25%</span> · <span class="drive-supporters">2 supporters</span>');
    expect(page).toContain('<strong>5,000</strong>');
    expect(page).toContain('<ul class="thank-you-list"><li>Dollar Donor</li><li>Anonymous</li><li>Ada L.</li></ul>');
    expect(page).toContain('href="/donate/?drive=keep-the-lantern-lit"');
    expect(page).not.toContain('private.example');
    await expectValidHtml(page, 'drive page');
  });

  it('answers 404 for a drive that does not exist', async () => {
    expect((await t.app.inject('/donate/drive/no-such-drive/')).statusCode).toBe(404);
  });

  it('never shows a donor email on any public page', async () => {
    const drive = await givenDrive(t);
    await gift(drive.id, 5_000, 'Named', 'named@private.example');
    for (const url of ['/donate/', `/donate/?drive=${drive.slug}`, `/donate/drive/${drive.slug}/`, '/donate/thanks/', '/']) {
      const res = await t.app.inject(url);
      expect(res.body, url).not.toContain('private.example');
    }
  });
});
