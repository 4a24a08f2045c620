import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, TestBrowser } from '../../../test/admin.js';
import { commentIdOf, Reader } from '../../../test/comments.js';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { expectValidHtml } from '../../../test/html.js';
import { header, startSmtpServer, type TestSmtpServer, textBody } from '../../../test/smtp.js';
import { deliverPendingMail, type MailTransport, smtpTransport } from '../mail/index.js';
import { eraseExpiredCommentIps } from './retention.js';

const ARTICLE = '/2026/01/talked-about/';
const BASE = 'https://lantern.example';

describe.each(DIALECTS)('comment mail on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let editor: TestBrowser;
  const deliver = () => deliverPendingMail({
    db: t.ctx.database.db, helpers: t.ctx.database.helpers, clock: t.clock, log: pino({ level: 'silent' }), transport, from: 'The Lantern <desk@lantern.example>',
  });
  const inbox = (to: string) => smtp.received.filter((m) => m.envelopeTo.includes(to));
  const linkIn = (raw: string, path: string) => {
    const match = textBody(raw).match(new RegExp(`${BASE}(${path}\\?[^\\s]+)`));
    if (!match) throw new Error(`no ${path} link in ${textBody(raw)}`);
    return match[1]!;
  };

  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: 'true' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC', baseUrl: BASE });
    await givenPost(t.ctx, { title: 'Talked about', slug: 'talked-about' });
    await givenUser(t.ctx, 'editor');
    await givenUser(t.ctx, 'author');
    editor = new TestBrowser(t.app);
    await editor.signIn('editor@lantern.example');
    smtp = await startSmtpServer();
    transport = smtpTransport(smtp.url);
  });
  afterEach(async () => {
    await transport.close();
    await smtp.close();
    await t.close();
  });

  it('tells moderators, once, of a comment awaiting them, with a link to it in the desk', async () => {
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { body: 'Please check this.' }));
    await deliver();
    await deliver();
    const mail = inbox('editor@lantern.example');
    expect(mail).toHaveLength(1);
    // The subject is MIME-encoded on the wire (curly quotes); read it as queued.
    const queued = await t.ctx.database.db.selectFrom('outbox').select('payload').where('idempotency_key', 'like', `comment:${id}:moderate:%`).execute();
    expect(queued.map((r) => JSON.parse(r.payload).subject)).toEqual(['[The Lantern] A comment awaits moderation on “Talked about”']);
    expect(header(mail[0]!.raw, 'subject')).toMatch(/^=\?UTF-8\?Q\?=5BThe_Lantern=5D_A_comment_awaits/);
    expect(textBody(mail[0]!.raw)).toContain(`${BASE}/admin/comments/${id}`);
    expect(inbox('author@lantern.example')).toEqual([]);
  });

  it('asks for confirmation before mailing replies, then mails each reply once with a one-click unsubscribe link', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(ARTICLE, { body: 'Tell me when someone answers.', notify: true }));
    await editor.post('/admin/comments/bulk', { 'ids[]': String(id), action: 'approve' });
    // An unconfirmed subscription gets nothing.
    await editor.post(`/admin/comments/${id}/reply`, { reply: 'A first answer.' });
    await deliver();
    const confirmation = inbox('maria@readers.example');
    expect(confirmation).toHaveLength(1);
    expect(header(confirmation[0]!.raw, 'subject')).toContain('Confirm reply notifications');

    const confirmPath = linkIn(confirmation[0]!.raw, '/comments/confirm/');
    const confirmPage = await t.app.inject(confirmPath);
    expect(confirmPage.body).toContain('Yes, email me when someone replies');
    await expectValidHtml(confirmPage.body, 'confirmation page');
    const params = Object.fromEntries(new URL(confirmPath, BASE).searchParams);
    const confirmed = await t.app.inject({ method: 'POST', url: '/comments/confirm/', payload: params });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('we will email you when someone replies');
    expect((await t.app.inject({ method: 'POST', url: '/comments/confirm/', payload: params })).statusCode).toBe(400);

    await editor.post(`/admin/comments/${id}/reply`, { reply: 'A second answer.' });
    await deliver();
    await deliver();
    const notices = inbox('maria@readers.example').slice(1);
    expect(notices).toHaveLength(1);
    expect(textBody(notices[0]!.raw)).toContain('A second answer.');
    const readLink = textBody(notices[0]!.raw).match(/Read it: https:\/\/lantern\.example(\/comments\/\d+\/)/)![1]!;
    const read = await t.app.inject(readLink);
    expect(read.statusCode).toBe(303);
    expect(read.headers.location).toMatch(new RegExp(`^${ARTICLE}#comment-\\d+$`));

    const unsubscribePath = linkIn(notices[0]!.raw, '/comments/unsubscribe/');
    const stop = Object.fromEntries(new URL(unsubscribePath, BASE).searchParams);
    const done = await t.app.inject({ method: 'POST', url: '/comments/unsubscribe/', payload: stop });
    expect(done.body).toContain('no more reply notifications');
    expect((await t.app.inject({ method: 'POST', url: '/comments/unsubscribe/', payload: { ...stop, s: 'A'.repeat(43) } })).statusCode).toBe(400);
    await editor.post(`/admin/comments/${id}/reply`, { reply: 'A third answer.' });
    await deliver();
    expect(inbox('maria@readers.example')).toHaveLength(2);
  });

  it('puts a one-click List-Unsubscribe header on every reply mail, and a mail client\'s POST to it stops the mails', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(ARTICLE, { body: 'Tell me of answers.', notify: true }));
    await editor.post('/admin/comments/bulk', { 'ids[]': String(id), action: 'approve' });
    await deliver();
    const confirmPath = linkIn(inbox('maria@readers.example')[0]!.raw, '/comments/confirm/');
    await t.app.inject({ method: 'POST', url: '/comments/confirm/', payload: Object.fromEntries(new URL(confirmPath, BASE).searchParams) });
    await editor.post(`/admin/comments/${id}/reply`, { reply: 'An answer.' });
    await deliver();
    const notice = inbox('maria@readers.example')[1]!;
    const listUnsubscribe = header(notice.raw, 'List-Unsubscribe');
    expect(listUnsubscribe).toMatch(new RegExp(`^<${BASE}/comments/unsubscribe/\\?c=${id}&s=[A-Za-z0-9_-]{43}>$`));
    expect(header(notice.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const oneClick = listUnsubscribe!.slice(1, -1).slice(BASE.length);
    expect(oneClick).toBe(linkIn(notice.raw, '/comments/unsubscribe/'));
    // Mail to moderators is not a list: no unsubscribe header there.
    expect(header(inbox('editor@lantern.example')[0]!.raw, 'List-Unsubscribe')).toBeUndefined();

    // The GET is still the confirmation page, and changes nothing.
    const page = await t.app.inject(oneClick);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/comments/unsubscribe/">');
    // A forged signature in the URL is refused, as a mail client would POST it (no cookie, no token).
    const forged = oneClick.replace(/s=[A-Za-z0-9_-]{43}/, `s=${'A'.repeat(43)}`);
    const refused = await t.app.inject({
      method: 'POST', url: forged, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click',
    });
    expect(refused.statusCode).toBe(400);
    const subscribed = () => t.ctx.database.db.selectFrom('comments').select(['notify_replies']).where('id', '=', id).executeTakeFirstOrThrow();
    expect((await subscribed()).notify_replies).toBe(1);

    const done = await t.app.inject({
      method: 'POST', url: oneClick, headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--xyz--\r\n',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('no more reply notifications');
    expect((await subscribed()).notify_replies).toBe(0);
    await editor.post(`/admin/comments/${id}/reply`, { reply: 'Another answer.' });
    await deliver();
    expect(inbox('maria@readers.example')).toHaveLength(2);
  });

  it('unsubscribes with the urlencoded one-click POST too', async () => {
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { body: 'Notify me.', notify: true }));
    await t.ctx.database.db.updateTable('comments').set({ notify_confirmed_at: '2026-06-15T12:00:00.000Z' }).where('id', '=', id).execute();
    await editor.post('/admin/comments/bulk', { 'ids[]': String(id), action: 'approve' });
    await editor.post(`/admin/comments/${id}/reply`, { reply: 'Hello.' });
    await deliver();
    const notice = inbox('maria@readers.example').find((m) => header(m.raw, 'List-Unsubscribe'))!;
    const oneClick = header(notice.raw, 'List-Unsubscribe')!.slice(1 + BASE.length, -1);
    const done = await t.app.inject({
      method: 'POST', url: oneClick, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    const row = await t.ctx.database.db.selectFrom('comments').select(['notify_replies']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.notify_replies).toBe(0);
  });

  it('mails a confirmed subscriber once a reader\'s reply is approved, never for a held, spam or own reply, and alerts moderators of held comments only', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(ARTICLE, { body: 'Anyone know more?', notify: true }));
    await editor.post('/admin/comments/bulk', { 'ids[]': String(id), action: 'approve' });
    await deliver();
    const confirmPath = linkIn(inbox('maria@readers.example')[0]!.raw, '/comments/confirm/');
    await t.app.inject({ method: 'POST', url: '/comments/confirm/', payload: Object.fromEntries(new URL(confirmPath, BASE).searchParams) });
    const alerts = () => inbox('editor@lantern.example').length;
    expect(alerts()).toBe(1);

    const reply = commentIdOf(await new Reader(t, '198.51.100.5').comment(ARTICLE, { name: 'Timur', email: 'timur@readers.example', body: 'I do: ask the depot.', parentId: id }));
    await new Reader(t, '198.51.100.6').comment(ARTICLE, { email: 'bot@bots.example', body: 'Cheap pills', parentId: id, website2: 'x' });
    await deliver();
    expect(inbox('maria@readers.example')).toHaveLength(1);
    expect(alerts()).toBe(2);

    await editor.post('/admin/comments/bulk', { 'ids[]': String(reply), action: 'approve' });
    // Her own answer to her own comment is no news to her.
    await maria.comment(ARTICLE, { body: 'Thanks, Timur.', parentId: id });
    await deliver();
    await deliver();
    const notices = inbox('maria@readers.example').slice(1);
    expect(notices).toHaveLength(1);
    expect(textBody(notices[0]!.raw)).toContain('I do: ask the depot.');
    expect(header(notices[0]!.raw, 'List-Unsubscribe')).toMatch(new RegExp(`/comments/unsubscribe/\\?c=${id}&s=`));
    expect(alerts()).toBe(2);
    for (const mail of smtp.received) expect(textBody(mail.raw)).not.toContain('timur@readers.example');
  });

  it('erases raw IP addresses older than the retention period (90 days, or as the admin sets it), keeping their hash', async () => {
    const id = commentIdOf(await new Reader(t, '198.51.100.77').comment(ARTICLE));
    t.clock.advance(89 * 86_400_000);
    expect(await eraseExpiredCommentIps(t.ctx.database.db, t.clock.now())).toBe(0);
    t.clock.advance(2 * 86_400_000);
    expect(await eraseExpiredCommentIps(t.ctx.database.db, t.clock.now())).toBe(1);
    const row = await t.ctx.database.db.selectFrom('comments').select(['ip', 'ip_hash']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.ip).toBeNull();
    expect(row.ip_hash).not.toBe('');
    // The period is the setting's: at 30 days, a comment of 31 days ago loses its address too.
    const later = commentIdOf(await new Reader(t, '198.51.100.78').comment(ARTICLE, { body: 'Later.' }));
    await givenUser(t.ctx, 'admin');
    const admin = new TestBrowser(t.app);
    await admin.signIn('admin@lantern.example');
    await admin.get('/admin/comments/settings');
    const settings = (await admin.get('/admin/comments/settings')).body;
    const form = Object.fromEntries([...settings.matchAll(/<input type="number" id="(\w+)" name="\w+" value="(\d+)"/g)].map((m) => [m[1]!, m[2]!]));
    expect((await admin.post('/admin/comments/settings', { ...form, autoApproveKnown: 'yes', honeypot: 'yes', refuseDuplicates: 'yes', ipRetentionDays: '30' })).statusCode).toBe(303);
    t.clock.advance(29 * 86_400_000);
    expect(await eraseExpiredCommentIps(t.ctx.database.db, t.clock.now())).toBe(0);
    t.clock.advance(2 * 86_400_000);
    expect(await eraseExpiredCommentIps(t.ctx.database.db, t.clock.now())).toBe(1);
    expect((await t.ctx.database.db.selectFrom('comments').select('ip').where('id', '=', later).executeTakeFirstOrThrow()).ip).toBeNull();
  });
});
