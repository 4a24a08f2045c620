import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, TestBrowser } from '../../../../test/admin.js';
import { commentIdOf, Reader } from '../../../../test/comments.js';
import { givenPost, givenSettings } from '../../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';

const ARTICLE = '/2026/01/moderated/';

describe.each(DIALECTS)('the comment moderation desk on %s', (dialect) => {
  let t: TestApp;
  let editor: TestBrowser;
  const db = () => t.ctx.database.db;
  const statuses = async () => Object.fromEntries((await db().selectFrom('comments').select(['id', 'status']).execute()).map((r) => [r.id, r.status]));
  const audit = async () => (await db().selectFrom('audit_log').select(['action', 'subject', 'actor']).where('action', 'like', 'comment.%').orderBy('id').execute());

  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: 'true' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    await givenPost(t.ctx, { title: 'Moderated', slug: 'moderated' });
    await givenUser(t.ctx, 'editor');
    editor = new TestBrowser(t.app);
    await editor.signIn('editor@lantern.example');
  });
  afterEach(async () => t.close());

  it('shows the pending queue with counts per state, and bulk-approves the checked comments', async () => {
    const reader = new Reader(t, '203.0.113.50');
    const a = commentIdOf(await reader.comment(ARTICLE, { body: 'First for the desk.' }));
    const b = commentIdOf(await reader.comment(ARTICLE, { body: 'Second for the desk.' }));
    await reader.comment(ARTICLE, { website2: 'bot', email: 'bot@x.example', body: 'Spam!' });
    const queue = await editor.get('/admin/comments');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Pending <span class="count">(2)</span>');
    expect(queue.body).toContain('Spam <span class="count">(1)</span>');
    expect(queue.body).toContain('First for the desk.');
    expect(queue.body).toContain('maria@readers.example');
    expect(queue.body).toContain('203.0.113.50');
    await expectValidHtml(queue.body, 'desk queue');
    await expectValidHtml((await editor.get('/admin/comments?status=spam')).body, 'desk spam tab');

    const res = await editor.post('/admin/comments/bulk', { 'ids[]': [String(a), String(b)], action: 'approve', back: '/admin/comments?status=pending' });
    expect(res.statusCode).toBe(303);
    expect((await editor.get(res.headers.location as string)).body).toContain('2 comments updated.');
    expect(await statuses()).toMatchObject({ [a]: 'approved', [b]: 'approved' });
    expect((await t.app.inject(ARTICLE)).body).toContain('Second for the desk.');
    expect(await audit()).toEqual([{ action: 'comment.approve', subject: `comment:${a},comment:${b}`, actor: 'editor@lantern.example' }]);
  });

  it('marks spam and trashes in bulk, taking comments off the article', async () => {
    const reader = new Reader(t);
    const a = commentIdOf(await reader.comment(ARTICLE, { body: 'To spam.' }));
    const b = commentIdOf(await reader.comment(ARTICLE, { body: 'To trash.' }));
    await editor.post('/admin/comments/bulk', { 'ids[]': [String(a), String(b)], action: 'approve' });
    await editor.post('/admin/comments/bulk', { 'ids[]': String(a), action: 'spam' });
    await editor.post('/admin/comments/bulk', { 'ids[]': String(b), action: 'trash' });
    expect(await statuses()).toEqual({ [a]: 'spam', [b]: 'trash' });
    const page = (await t.app.inject(ARTICLE)).body;
    expect(page).not.toContain('To spam.');
    expect(page).not.toContain('To trash.');
    expect((await audit()).map((e) => e.action)).toEqual(['comment.approve', 'comment.spam', 'comment.trash']);
  });

  it('edits a comment, keeping what was typed when a field is wrong', async () => {
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { body: 'Typo hree.' }));
    const page = await editor.get(`/admin/comments/${id}`);
    await expectValidHtml(page.body, 'desk comment page');
    const bad = await editor.post(`/admin/comments/${id}`, { name: '', email: 'maria@readers.example', url: '', body: 'Typo here.' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Typo here.</textarea>');
    expect(bad.body).toContain('Enter a name of up to 100 characters');
    const ok = await editor.post(`/admin/comments/${id}`, { name: 'Maria R.', email: 'maria@readers.example', url: '', body: 'Typo here.' });
    expect(ok.statusCode).toBe(303);
    const row = await db().selectFrom('comments').select(['body', 'author_name', 'edited_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ body: 'Typo here.', author_name: 'Maria R.' });
    expect(row.edited_at).not.toBeNull();
    expect((await audit()).map((e) => e.action)).toEqual(['comment.edit']);
  });

  it('publishes a staff reply at once, nested under the comment and marked as staff', async () => {
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { body: 'A question for the editors.' }));
    await editor.post('/admin/comments/bulk', { 'ids[]': String(id), action: 'approve' });
    const res = await editor.post(`/admin/comments/${id}/reply`, { reply: 'Thanks, we have added the source.' });
    expect(res.statusCode).toBe(303);
    const page = (await t.app.inject(ARTICLE)).body;
    expect(page).toMatch(new RegExp(`<li id="comment-${id}"[\\s\\S]*<ol class="comment-children"><li id="comment-\\d+" class="comment staff">`));
    expect(page).toContain('Thanks, we have added the source.');
    expect(page).toContain('The editor');
    expect(page).not.toContain('editor@lantern.example');
    expect((await audit()).map((e) => e.action)).toEqual(['comment.approve', 'comment.reply']);
  });

  it('approves a pending comment when a moderator replies to it, and refuses a reply to one in spam', async () => {
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { body: 'Held question.' }));
    expect((await editor.get(`/admin/comments/${id}`)).body).toContain('Publishing a reply approves this comment too.');
    expect((await editor.post(`/admin/comments/${id}/reply`, { reply: 'Answered.' })).statusCode).toBe(303);
    const page = (await t.app.inject(ARTICLE)).body;
    expect(page).toMatch(new RegExp(`<li id="comment-${id}" class="comment">[\\s\\S]*Held question\\.[\\s\\S]*<ol class="comment-children"><li id="comment-\\d+" class="comment staff">`));
    expect(page).not.toContain('awaiting moderation');
    expect((await audit()).map((e) => e.action)).toEqual(['comment.approve', 'comment.reply']);

    const spam = commentIdOf(await new Reader(t).comment(ARTICLE, { email: 'other@x.example', body: 'Spammy.' }));
    await editor.post('/admin/comments/bulk', { 'ids[]': String(spam), action: 'spam' });
    const refused = await editor.post(`/admin/comments/${spam}/reply`, { reply: 'To a spammer.' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Approve this comment before replying');
    expect(refused.body).toContain('To a spammer.</textarea>');
    expect(await db().selectFrom('comments').select('id').where('body', '=', 'To a spammer.').execute()).toEqual([]);
  });

  it('blocks the email and the IP of a comment, so later ones go to spam', async () => {
    const id = commentIdOf(await new Reader(t, '192.0.2.99').comment(ARTICLE, { email: 'troll@x.example', body: 'Rude.' }));
    await editor.post(`/admin/comments/${id}/block`, { kind: 'email' });
    await editor.post(`/admin/comments/${id}/block`, { kind: 'ip' });
    const blocks = await editor.get('/admin/comments/blocks');
    expect(blocks.body).toContain('troll@x.example');
    expect(blocks.body).not.toContain('192.0.2.99');
    await expectValidHtml(blocks.body, 'desk blocklist');
    await new Reader(t, '192.0.2.1').comment(ARTICLE, { email: 'troll@x.example', body: 'Again.' });
    await new Reader(t, '192.0.2.99').comment(ARTICLE, { email: 'other@x.example', body: 'Again, other name.' });
    const spam = await db().selectFrom('comments').select(['spam_reason']).where('status', '=', 'spam').orderBy('id').execute();
    expect(spam.map((r) => r.spam_reason)).toEqual(['blocked email', 'blocked IP']);
    expect((await audit()).map((e) => e.action)).toEqual(['comment.block', 'comment.block']);
  });

  it('shows all comments from one email as its history', async () => {
    const reader = new Reader(t);
    await reader.comment(ARTICLE, { body: 'One.' });
    await reader.comment(ARTICLE, { body: 'Two.' });
    await new Reader(t).comment(ARTICLE, { email: 'someone@else.example', body: 'Not theirs.' });
    const history = await editor.get('/admin/comments/history?email=maria%40readers.example');
    expect(history.body).toContain('One.');
    expect(history.body).toContain('Two.');
    expect(history.body).not.toContain('Not theirs.');
    expect(history.body).not.toContain('Privacy request');
    await expectValidHtml(history.body, 'desk history');
  });

  it('keeps authors and contributors out of the desk', async () => {
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { body: 'Not for them.' }));
    for (const role of ['author', 'contributor'] as const) {
      await givenUser(t.ctx, role);
      const browser = new TestBrowser(t.app);
      await browser.signIn(`${role}@lantern.example`);
      for (const url of ['/admin/comments', `/admin/comments/${id}`, '/admin/comments/blocks', '/admin/comments/history?email=maria%40readers.example']) {
        const res = await browser.get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.body).not.toContain('maria@readers.example');
      }
      await browser.get('/admin/');
      expect((await browser.post('/admin/comments/bulk', { 'ids[]': String(id), action: 'approve' })).statusCode).toBe(403);
    }
    expect(await statuses()).toEqual({ [id]: 'pending' });
    expect((await t.app.inject('/admin/comments')).statusCode).toBe(401);
    expect(await audit()).toEqual([]);
  });

  it('adds a word, an email, a domain and an IP address to the blocklist from its screen, so matching comments go to spam until removed', async () => {
    const page = await editor.get('/admin/comments/blocks');
    expect(page.body).toContain('Nothing is blocked.');
    for (const [kind, value] of [['word', 'Casino'], ['email', 'Troll@Abuse.example'], ['email', '@spam-domain.example'], ['ip', '192.0.2.66']]) {
      expect((await editor.post('/admin/comments/blocks', { kind: kind!, value: value! })).statusCode).toBe(303);
    }
    const empty = await editor.post('/admin/comments/blocks', { kind: 'word', value: ' ' });
    expect(empty.statusCode).toBe(422);
    const listed = (await editor.get('/admin/comments/blocks')).body;
    expect(listed).toContain('troll@abuse.example');
    expect(listed).not.toContain('192.0.2.66');
    await expectValidHtml(listed, 'blocklist with entries');
    const sent: [Reader, object][] = [
      [new Reader(t), { email: 'w@x.example', body: 'Best casino here' }],
      [new Reader(t), { email: 'troll@abuse.example' }],
      [new Reader(t), { email: 'anyone@spam-domain.example' }],
      [new Reader(t, '192.0.2.66'), { email: 'ip@x.example' }],
    ];
    for (const [reader, form] of sent) expect((await reader.comment(ARTICLE, form)).statusCode).toBe(303);
    const reasons = await db().selectFrom('comments').select(['status', 'spam_reason']).orderBy('id').execute();
    expect(reasons).toEqual(['blocked word', 'blocked email', 'blocked email', 'blocked IP'].map((r) => ({ status: 'spam', spam_reason: r })));

    const casino = await db().selectFrom('comment_blocks').select('id').where('value', '=', 'casino').executeTakeFirstOrThrow();
    expect((await editor.post(`/admin/comments/blocks/${casino.id}/delete`, {})).statusCode).toBe(303);
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, { email: 'w2@x.example', body: 'Casino night at the union hall' }));
    expect(await statuses()).toMatchObject({ [id]: 'pending' });
    expect((await audit()).map((e) => e.action)).toEqual(['comment.block', 'comment.block', 'comment.block', 'comment.block', 'comment.unblock']);
  });

  it('shows hostile comment text and names escaped in the queue, the comment page and the history', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3)';
    const id = commentIdOf(await new Reader(t).comment(ARTICLE, {
      name: '<b onmouseover=alert(4)>Evil</b>\u202E', email: 'evil"><script>@x.example', url: 'https://evil.example/"><script>', body: hostile,
    }));
    const pages = [
      await editor.get('/admin/comments'), await editor.get(`/admin/comments/${id}`),
      await editor.get(`/admin/comments/history?email=${encodeURIComponent('evil"><script>@x.example')}`),
    ];
    for (const page of pages) {
      const main = page.body.slice(page.body.indexOf('<main'));
      expect(main).not.toMatch(/<script|<img|<b |href="javascript:/i);
      expect(main.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+=/i);
      expect(main).not.toMatch(/\u202E/);
      expect(main).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(main).toContain('&lt;b onmouseover=alert(4)&gt;Evil&lt;/b&gt;');
      await expectValidHtml(page.body, 'desk with a hostile comment');
    }
  });

  it('lets an admin export a commenter as JSON, mail about them included, and erase them, anonymised or deleted, mail included, audited without the address', async () => {
    await givenUser(t.ctx, 'admin');
    const admin = new TestBrowser(t.app);
    await admin.signIn('admin@lantern.example');
    const reader = new Reader(t);
    const id = commentIdOf(await reader.comment(ARTICLE, { url: 'https://maria.example/', body: 'Keep my words.', notify: true }));
    const other = commentIdOf(await new Reader(t).comment(ARTICLE, { email: 'gone@x.example', body: 'Delete me.' }));
    await admin.post('/admin/comments/bulk', { 'ids[]': String(id), action: 'approve' });
    expect((await editor.get('/admin/comments/export?email=maria%40readers.example')).statusCode).toBe(403);
    const history = await admin.get('/admin/comments/history?email=maria%40readers.example');
    expect(history.body).toContain('Privacy request');
    await expectValidHtml(history.body, 'desk history for admins');
    const exported = await admin.get('/admin/comments/export?email=maria%40readers.example');
    const exportEntry = (await audit()).find((e) => e.action === 'comment.export')!;
    expect(exportEntry).toMatchObject({ actor: 'admin@lantern.example' });
    expect(exportEntry.subject).toMatch(/^commenter:[0-9a-f]{16}$/);
    expect(exported.headers['content-type']).toBe('application/json; charset=utf-8');
    const data = JSON.parse(exported.body);
    expect(data.comments).toHaveLength(1);
    expect(data.comments[0]).toMatchObject({ author_email: 'maria@readers.example', body: 'Keep my words.', ip: '203.0.113.7' });
    // The mail about her comment: the confirmation to her, and the alerts to the editor and the admin.
    expect(data.mail.map((m: { to: string }) => m.to).sort()).toEqual(['admin@lantern.example', 'editor@lantern.example', 'maria@readers.example']);
    const outbox = async () => (await db().selectFrom('outbox').select(['idempotency_key', 'payload']).execute())
      .map((r) => `${r.idempotency_key} ${r.payload}`).join('\n');
    expect(await outbox()).toContain(`comment:${other}:moderate:`);

    await admin.post('/admin/comments/erase', { email: 'maria@readers.example', mode: 'anonymise' });
    const row = await db().selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ author_name: 'Anonymous', author_email: '', author_url: '', ip: null, ip_hash: '', body: 'Keep my words.' });
    expect((await t.app.inject(ARTICLE)).body).toContain('Anonymous');
    const erasure = (await audit()).find((e) => e.action === 'comment.erase_anonymise')!;
    expect(erasure.subject).toMatch(/^commenter:[0-9a-f]{16}$/);
    expect(JSON.stringify(await audit())).not.toContain('maria@readers.example');
    expect(await outbox()).not.toContain('maria');
    expect(await outbox()).not.toContain(`comment:${id}:`);
    expect(await outbox()).toContain(`comment:${other}:moderate:`);

    await admin.post('/admin/comments/erase', { email: 'gone@x.example', mode: 'delete' });
    expect(await db().selectFrom('comments').select('id').where('id', '=', other).executeTakeFirst()).toBeUndefined();
    expect(await outbox()).not.toContain('Delete me.');
  });
});
