import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publishDuePosts } from '../../src/features/posts/index.js';
import { givenUser, PASSWORD } from '../admin.js';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage, type OpenedPage } from './harness.js';

/**
 * An editor at the admin in a real Chromium, over the demo newsroom: signing in, writing with
 * the live preview, previewing, publishing, scheduling, and the revisions. Every page opened
 * gets the harness's checks (console, other hosts, axe, valid HTML as served).
 */

const EDITOR = { email: 'desk@lantern.example', name: 'Dana Desk' };

const site = useDemoSite({
  setUp: async (server) => {
    await givenUser(server.testApp.ctx, 'editor', EDITOR.email, EDITOR.name);
  },
});
const open = () => site.open();

/** Clicks and waits for the page it leads to, then checks it. */
async function clickThrough(opened: OpenedPage, click: () => Promise<void>, documentStatus?: number): Promise<void> {
  const before = opened.page.url();
  await Promise.all([opened.page.waitForEvent('load'), click()]);
  if (opened.page.url() === before) await opened.page.waitForLoadState('load');
  await expectHealthyPage(opened, documentStatus ? { documentStatus } : {});
}

async function signIn(opened: OpenedPage): Promise<void> {
  const { page } = opened;
  await page.goto('/admin/');
  await expectHealthyPage(opened);
  await page.getByLabel('Email').fill(EDITOR.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await clickThrough(opened, () => page.getByRole('button', { name: 'Sign in' }).click());
  await expect(page.locator('main h1').textContent()).resolves.toBe(`Hello, ${EDITOR.name}`);
}

async function newPost(opened: OpenedPage, title: string, body: string): Promise<Page> {
  const { page } = opened;
  await clickThrough(opened, () => page.getByRole('link', { name: 'Write a new post' }).click());
  expect(new URL(page.url()).pathname).toBe('/admin/posts/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Standfirst').fill('What the council decided, and what it means for the depot.');
  await page.getByLabel('Body', { exact: true }).fill(body);
  return page;
}

const notice = (page: Page) => page.locator('main .notice').textContent();

describe('An editor at the admin in a real browser', () => {
  it('signs in, writes a post while the live preview renders its Markdown, previews it, publishes it, and finds it on the site', async () => {
    const opened = await open();
    await signIn(opened);
    const page = await newPost(opened, 'Council saves the night tram', 'The vote was **close**.\n\n## What happens next\n\nThe depot reopens in *spring*.');

    const preview = page.locator('#body-preview');
    await expect.poll(() => preview.locator('h2#what-happens-next').textContent()).toBe('What happens next');
    expect(await preview.locator('strong').textContent()).toBe('close');
    expect(await page.getByLabel('Slug').getAttribute('placeholder')).toBe('council-saves-the-night-tram');
    await page.getByLabel('Title').fill('Совет спасает ночной трамвай');
    expect(await page.getByLabel('Slug').getAttribute('placeholder')).toBe('sovet-spasaet-nochnoy-tramvay');
    await page.getByLabel('Title').fill('Council saves the night tram');

    // "Preview" shows the unsaved post as readers will see it, in a new tab.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Preview' }).click()]);
    await tab.waitForLoadState('load');
    expect((await tab.locator('main h1').textContent())?.trim()).toBe('Council saves the night tram');
    expect(await tab.locator('article.article .body strong').textContent()).toBe('close');
    await expectHealthyPage({ ...opened, page: tab });
    await tab.close();

    await clickThrough(opened, () => page.getByRole('button', { name: 'Publish', exact: true }).click());
    expect(await notice(page)).toBe('Published: readers can see it now.');
    await clickThrough(opened, () => page.getByRole('link', { name: 'View on the site' }).click());
    expect(new URL(page.url()).pathname).toBe('/2026/11/council-saves-the-night-tram/');
    expect((await page.locator('main h1').textContent())?.trim()).toBe('Council saves the night tram');
    expect(await page.locator('article.article .body h2').textContent()).toBe('What happens next');
    await expect(page.locator('article.article .byline').textContent()).resolves.toContain(EDITOR.name);
  });

  it('schedules a post for tomorrow morning, site time, and readers see it when that time comes', async () => {
    const opened = await open();
    await signIn(opened);
    const page = await newPost(opened, 'Depot open day announced', 'Visitors are welcome from nine.');
    await page.getByLabel('Publication date and time').fill('2026-11-27T09:00');
    await clickThrough(opened, () => page.getByRole('button', { name: 'Schedule' }).click());
    expect(await notice(page)).toBe('Scheduled: it will be published on 27 November 2026 at 09:00 (Europe/Brussels).');

    const reader = await open();
    const address = '/2026/11/depot-open-day-announced/';
    expect((await reader.page.goto(address))?.status()).toBe(404);
    await expectHealthyPage(reader, { documentStatus: 404 });

    // 09:00 in Brussels is 08:00 UTC. The job runner calls publishDuePosts; here the test does.
    const { clock, ctx } = site.server.testApp;
    clock.set('2026-11-27T07:59:00Z');
    expect(await publishDuePosts(ctx.database.db, clock.now())).toEqual([]);
    clock.set('2026-11-27T08:00:00Z');
    expect(await publishDuePosts(ctx.database.db, clock.now())).toHaveLength(1);
    expect((await reader.page.goto(address))?.status()).toBe(200);
    expect((await reader.page.locator('main h1').textContent())?.trim()).toBe('Depot open day announced');
    await reader.page.goto('/');
    expect((await reader.page.locator('main ol.posts article h2 a').first().textContent())?.trim()).toBe('Depot open day announced');
    await expectHealthyPage(reader);
  });

  it('keeps a revision of each save, and compares two of them', async () => {
    const opened = await open();
    await signIn(opened);
    const page = await newPost(opened, 'River levels rise', 'The river rose overnight.');
    await clickThrough(opened, () => page.getByRole('button', { name: 'Save draft' }).click());
    expect(await notice(page)).toBe('Draft saved.');
    await page.getByLabel('Body', { exact: true }).fill('The river rose overnight.\n\nThe bridge is closed.');
    await clickThrough(opened, () => page.getByRole('button', { name: 'Save draft' }).click());
    await clickThrough(opened, () => page.getByRole('link', { name: 'Revisions' }).click());
    expect(await page.locator('table.revisions tbody tr').count()).toBe(2);
    await clickThrough(opened, () => page.getByRole('button', { name: 'Compare' }).click());
    expect(await page.locator('#diff-body + ol.diff li.added').allTextContents()).toContain('+ Added: The bridge is closed.');
    await clickThrough(opened, () => page.getByRole('link', { name: 'All revisions' }).click());
    await clickThrough(opened, () => page.getByRole('link', { name: 'Back to the post' }).click());
    await clickThrough(opened, () => page.getByRole('link', { name: 'Posts', exact: true }).click());
    expect(await page.locator('table.posts-list').getByRole('link', { name: 'River levels rise' }).count()).toBe(1);
  });

  it('tells someone who mistypes their password, helpfully, and keeps the email they typed', async () => {
    const opened = await open();
    const { page } = opened;
    await page.goto('/admin/posts/new');
    await expectHealthyPage(opened, { documentStatus: 401 });
    await page.getByLabel('Email').fill(EDITOR.email);
    await page.getByLabel('Password').fill('not the password');
    await clickThrough(opened, () => page.getByRole('button', { name: 'Sign in' }).click(), 401);
    expect(await page.getByRole('alert').textContent()).toBe('That email and password do not match an account. Check them and try again.');
    expect(await page.getByLabel('Email').inputValue()).toBe(EDITOR.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    // With the right password, they land where they were going.
    await page.getByLabel('Password').fill(PASSWORD);
    await clickThrough(opened, () => page.getByRole('button', { name: 'Sign in' }).click());
    expect(new URL(page.url()).pathname).toBe('/admin/posts/new');
  });
});
