import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, TestBrowser } from '../../../../test/admin.js';
import { commentIdOf, Reader } from '../../../../test/comments.js';
import { givenPost, givenSettings } from '../../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail } from '../../../../test/site-admin.js';
import { DEFAULT_SETTINGS, loadSettings } from '../../site/index.js';

const ARTICLE = '/2026/01/under-discussion/';

/** The form as it comes with the default settings. */
const defaults = {
  threadDepth: '5', commentsPerPage: '50', autoApproveKnown: 'yes', minSubmitSeconds: '3', maxLinks: '2', commentMaxLength: '5000',
  perIpPerHour: '10', perEmailPerHour: '10', closeCommentsAfterDays: '0', ipRetentionDays: '90', honeypot: 'yes', refuseDuplicates: 'yes',
};

describe.each(DIALECTS)('the comment settings screen on %s', (dialect) => {
  let t: TestApp;
  let admin: TestBrowser;
  const comments = async () => (await loadSettings(t.ctx.database.db)).comments;
  const save = async (change: Partial<typeof defaults>) => {
    await admin.get('/admin/comments/settings');
    return admin.post('/admin/comments/settings', { ...defaults, ...change });
  };

  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: 'true' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    await givenPost(t.ctx, { title: 'Under discussion', slug: 'under-discussion', publishedAt: '2026-01-10T10:00:00Z' });
    await givenUser(t.ctx, 'admin');
    admin = new TestBrowser(t.app);
    await admin.signIn('admin@lantern.example');
  });
  afterEach(async () => t.close());

  it('shows every comment setting in a labelled field with its help text and current value, linked from the desk', async () => {
    expect((await admin.get('/admin/comments')).body).toContain('<a href="/admin/comments/settings">Settings</a>');
    const res = await admin.get('/admin/comments/settings');
    expect(res.statusCode).toBe(200);
    for (const label of [
      'Deepest reply level', 'Threads per page', 'Publish at once from known commenters', 'Fastest plausible comment, in seconds',
      'Most links in a comment', 'Longest comment, in characters', 'Comments per hour from one IP address',
      'Comments per hour from one email address', 'Close comments on articles older than, in days', 'Keep commenters’ IP addresses for, in days',
      'Hidden field for robots (honeypot)', 'Refuse duplicate comments',
    ]) expect(res.body).toContain(`>${label}`);
    expect(res.body).toContain('<a href="/admin/comments/blocks">edit the blocklist</a>');
    expect(res.body).toMatch(/<input type="number" id="threadDepth" name="threadDepth" value="5" required inputmode="numeric" aria-describedby="threadDepth-hint">/);
    expect(res.body).toContain('<p class="hint" id="threadDepth-hint">1 allows no replies;');
    expect(res.body).toContain('<input type="radio" id="autoApproveKnown-0" name="autoApproveKnown" value="yes" checked');
    expect(res.body).toContain('name="_csrf"');
    await expectValidHtml(res.body, 'comment settings');
  });

  it('saves the settings and records in the audit log which ones changed', async () => {
    const res = await save({ threadDepth: ' 3 ', autoApproveKnown: 'no', ipRetentionDays: '30' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/comments/settings');
    const page = await admin.get('/admin/comments/settings');
    expect(page.body).toContain('Comment settings saved.');
    expect(page.body).toContain('name="threadDepth" value="3"');
    expect(page.body).toContain('<input type="radio" id="autoApproveKnown-1" name="autoApproveKnown" value="no" checked');
    expect(await comments()).toEqual({ ...DEFAULT_SETTINGS.comments, threadDepth: 3, autoApproveKnown: false, ipRetentionDays: 30 });
    expect(await auditTrail(t)).toEqual([{
      action: 'settings.change', subject: 'settings', actor: 'admin@lantern.example',
      details: { keys: ['comments.threadDepth', 'comments.autoApproveKnown', 'comments.ipRetentionDays'] },
    }]);
    await save({ threadDepth: '3', autoApproveKnown: 'no', ipRetentionDays: '30' });
    expect(await auditTrail(t)).toHaveLength(1);
  });

  it('refuses bad values with the error next to each field, keeping everything typed and saving nothing', async () => {
    const res = await save({ threadDepth: '0', commentsPerPage: 'many', autoApproveKnown: 'maybe', minSubmitSeconds: '-1', maxLinks: '2.5', ipRetentionDays: '', perIpPerHour: '10' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="field-error" id="threadDepth-error">Enter a whole number from 1 to 10</p>');
    expect(res.body).toContain('<p class="field-error" id="commentsPerPage-error">Enter a whole number from 5 to 500</p>');
    expect(res.body).toContain('<p class="field-error" id="autoApproveKnown-error">Choose yes or no</p>');
    expect(res.body).toContain('<p class="field-error" id="minSubmitSeconds-error">Enter a whole number of seconds from 0 to 600</p>');
    expect(res.body).toContain('<p class="field-error" id="maxLinks-error">Enter a whole number from 0 to 50</p>');
    expect(res.body).toContain('<p class="field-error" id="ipRetentionDays-error">Enter a whole number of days from 1 to 3650</p>');
    expect(res.body).toContain('<a href="#threadDepth">Deepest reply level: Enter a whole number from 1 to 10</a>');
    for (const typed of ['value="0"', 'value="many"', 'value="-1"', 'value="2.5"']) expect(res.body).toContain(typed);
    expect(res.body).toContain('aria-invalid="true"');
    await expectValidHtml(res.body, 'comment settings with errors');
    expect(await comments()).toEqual(DEFAULT_SETTINGS.comments);
    expect(await auditTrail(t)).toEqual([]);
  });

  it('is for admins only: an editor, who moderates, may not change the rules, and a forged form is refused', async () => {
    await givenUser(t.ctx, 'editor');
    const editor = new TestBrowser(t.app);
    await editor.signIn('editor@lantern.example');
    expect((await editor.get('/admin/comments')).body).not.toContain('/admin/comments/settings');
    expect((await editor.get('/admin/comments/settings')).statusCode).toBe(403);
    expect((await editor.post('/admin/comments/settings', { ...defaults, threadDepth: '1' })).statusCode).toBe(403);
    const forged = await t.app.inject({
      method: 'POST', url: '/admin/comments/settings', payload: new URLSearchParams({ ...defaults, threadDepth: '1' }).toString(),
      headers: { cookie: admin.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(403);
    expect(await comments()).toEqual(DEFAULT_SETTINGS.comments);
  });

  it('switches the honeypot and the duplicate check off and on, and the public form follows', async () => {
    const db = t.ctx.database.db;
    const newest = () => db.selectFrom('comments').select(['status', 'spam_reason']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect((await t.app.inject(ARTICLE)).body).toContain('name="website2"');
    expect((await save({ honeypot: 'no', refuseDuplicates: 'no' })).statusCode).toBe(303);
    expect(await comments()).toMatchObject({ honeypot: false, refuseDuplicates: false });
    expect((await t.app.inject(ARTICLE)).body).not.toContain('name="website2"');
    // With the honeypot off, a filled field is not a sign of a robot: the comment waits for a moderator.
    expect((await new Reader(t).comment(ARTICLE, { website2: 'autofill', body: 'Said twice.' })).statusCode).toBe(303);
    expect(await newest()).toEqual({ status: 'pending', spam_reason: '' });
    expect((await new Reader(t).comment(ARTICLE, { body: 'Said twice.' })).statusCode).toBe(303);

    expect((await save({ honeypot: 'yes', refuseDuplicates: 'yes' })).statusCode).toBe(303);
    expect((await t.app.inject(ARTICLE)).body).toContain('name="website2"');
    const again = await new Reader(t).comment(ARTICLE, { body: 'Said twice.' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('You have already posted this comment.');
    expect((await new Reader(t).comment(ARTICLE, { website2: 'http://cheap.example', body: 'Robot words.' })).statusCode).toBe(303);
    expect(await newest()).toEqual({ status: 'spam', spam_reason: 'honeypot' });
    expect((await auditTrail(t)).map((e) => e.details)).toEqual([
      { keys: ['comments.honeypot', 'comments.refuseDuplicates'] }, { keys: ['comments.honeypot', 'comments.refuseDuplicates'] },
    ]);
  });

  it('applies the minimum time, the link, length and hourly limits as set on the screen', async () => {
    const db = t.ctx.database.db;
    const statusOf = async (id: number) => (await db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    expect((await save({ minSubmitSeconds: '30', maxLinks: '0', commentMaxLength: '100', perIpPerHour: '2', perEmailPerHour: '2' })).statusCode).toBe(303);
    const maria = new Reader(t, '192.0.2.10');
    const quick = await maria.comment(ARTICLE, { body: 'Quick.' }, 10_000);
    expect(quick.statusCode).toBe(422);
    expect(quick.body).toContain('That was quick!');
    const long = await maria.comment(ARTICLE, { body: 'x'.repeat(101) }, 31_000);
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Your comment is too long');
    const first = commentIdOf(await maria.comment(ARTICLE, { body: 'x'.repeat(100) }, 31_000));
    await db.updateTable('comments').set({ status: 'approved' }).where('id', '=', first).execute();
    // A known commenter, but one link is more than 0: held for a moderator.
    const linked = commentIdOf(await maria.comment(ARTICLE, { body: 'See https://source.example/' }, 31_000));
    expect(await statusOf(linked)).toBe('pending');
    // Two from this email this hour already: the third is refused, from any address.
    const third = await new Reader(t, '192.0.2.11').comment(ARTICLE, { body: 'Third from Maria.' }, 31_000);
    expect(third.statusCode).toBe(429);
    expect(third.body).toContain('You are commenting too often');
    // Two from this IP this hour already: the next is refused, whatever the email.
    const fromIp = await maria.comment(ARTICLE, { email: 'timur@readers.example', body: 'Same network.' }, 31_000);
    expect(fromIp.statusCode).toBe(429);
    expect((await new Reader(t, '192.0.2.12').comment(ARTICLE, { email: 'timur@readers.example', body: 'Elsewhere.' }, 31_000)).statusCode).toBe(303);
  });

  it('keeps the rules an admin saved before the honeypot and duplicate switches existed, with both on', async () => {
    const { honeypot: _h, refuseDuplicates: _d, ...older } = { ...DEFAULT_SETTINGS.comments, threadDepth: 3, maxLinks: 7 };
    await t.ctx.database.db.insertInto('settings').values({ key: 'comments', value: JSON.stringify(older) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(older) })).execute();
    expect(await comments()).toEqual({ ...DEFAULT_SETTINGS.comments, threadDepth: 3, maxLinks: 7, honeypot: true, refuseDuplicates: true });
    const page = await admin.get('/admin/comments/settings');
    expect(page.body).toContain('<input type="radio" id="honeypot-0" name="honeypot" value="yes" checked');
  });

  it('makes a lower reply depth refuse a reply the public form accepted before', async () => {
    const reader = new Reader(t);
    const approve = (id: number) => t.ctx.database.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', id).execute();
    const top = commentIdOf(await reader.comment(ARTICLE, { body: 'Top.' }));
    await approve(top);
    const child = commentIdOf(await reader.comment(ARTICLE, { body: 'Child.', parentId: top }));
    await approve(child);
    expect((await t.app.inject(ARTICLE)).body).toContain(`replytocom=${child}#respond`);

    expect((await save({ threadDepth: '2' })).statusCode).toBe(303);
    expect((await t.app.inject(ARTICLE)).body).not.toContain(`replytocom=${child}#respond`);
    const res = await reader.comment(ARTICLE, { body: 'Grandchild.', parentId: child });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('You can no longer reply to that comment');
    expect(await t.ctx.database.db.selectFrom('comments').select('id').where('body', '=', 'Grandchild.').execute()).toEqual([]);
  });

  it('closes the thread of an article older than the closing age set, keeping its comments, and reopens it when the age is raised', async () => {
    const reader = new Reader(t);
    const id = commentIdOf(await reader.comment(ARTICLE, { body: 'Said in time.' }));
    await t.ctx.database.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', id).execute();
    const open = await reader.get(ARTICLE);
    expect(open.body).toContain('action="/comments/"');

    // The article is from 10 January; the clock stands at 15 June.
    await save({ closeCommentsAfterDays: '30' });
    const closed = await t.app.inject(ARTICLE);
    expect(closed.body).toContain('Comments are closed.');
    expect(closed.body).toContain('Said in time.');
    expect(closed.body).not.toContain('action="/comments/"');
    const late = await reader.comment(ARTICLE, { body: 'Too late.' }).catch((e: Error) => e);
    // The form is gone, so a reader cannot even fill it in; a form kept from before is refused.
    expect(late).toBeInstanceOf(Error);
    t.clock.advance(5000);
    const token = open.body.match(/name="formToken" value="([^"]*)"/)![1]!;
    const postId = open.body.match(/name="postId" value="([^"]*)"/)![1]!;
    const refused = await reader.browser.post('/comments/', { postId, parentId: '', formToken: token, name: 'M', email: 'm@x.example', body: 'Too late.' });
    expect(refused.statusCode).toBe(403);

    await save({ closeCommentsAfterDays: '365' });
    expect((await t.app.inject(ARTICLE)).body).not.toContain('Comments are closed.');
  });
});
