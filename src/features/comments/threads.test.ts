import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentIdOf, Reader } from '../../../test/comments.js';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { expectValidHtml } from '../../../test/html.js';
import { loadSettings, type Settings } from '../site/index.js';

const ARTICLE = '/2026/01/threaded/';

describe.each(DIALECTS)('threads and safe rendering on %s', (dialect) => {
  let t: TestApp;
  const approve = async (id: number) => t.ctx.database.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', id).execute();
  const rules = async (change: Partial<Settings['comments']>) =>
    givenSettings(t.ctx, { comments: { ...(await loadSettings(t.ctx.database.db)).comments, ...change } });
  /** Posts a comment and approves it. */
  const said = async (reader: Reader, body: string, parentId?: number) => {
    const id = commentIdOf(await reader.comment(ARTICLE, { body, ...(parentId ? { parentId } : {}) }));
    await approve(id);
    return id;
  };

  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: 'true' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    await givenPost(t.ctx, { title: 'Threaded', slug: 'threaded' });
  });
  afterEach(async () => t.close());

  it('nests replies in ordered lists under their comment, oldest first, with permalinks and reply links that work without JavaScript', async () => {
    const reader = new Reader(t);
    const first = await said(reader, 'First comment.');
    const second = await said(reader, 'Second comment.');
    const reply = await said(reader, 'A reply to the first.', first);
    const page = (await t.app.inject(ARTICLE)).body;
    expect(page.indexOf('First comment.')).toBeLessThan(page.indexOf('Second comment.'));
    const firstItem = page.slice(page.indexOf(`<li id="comment-${first}"`), page.indexOf(`<li id="comment-${second}"`));
    expect(firstItem).toContain(`<ol class="comment-children"><li id="comment-${reply}"`);
    expect(page).toContain(`<a class="comment-permalink" href="#comment-${first}"`);
    expect(page).toContain(`href="${ARTICLE}?replytocom=${first}#respond"`);
    const replying = (await t.app.inject(`${ARTICLE}?replytocom=${first}`)).body;
    expect(replying).toContain('Reply to Maria Reader');
    expect(replying).toContain(`name="parentId" value="${first}"`);
    expect(replying).toContain(`<a href="${ARTICLE}#respond">Cancel reply</a>`);
    await expectValidHtml(page, 'article with nested comments');
    await expectValidHtml(replying, 'article replying to a comment');
  });

  it('stops offering replies at the depth limit and refuses a reply past it', async () => {
    await rules({ threadDepth: 2 });
    const reader = new Reader(t);
    const top = await said(reader, 'Top.');
    const child = await said(reader, 'Child.', top);
    const page = (await t.app.inject(ARTICLE)).body;
    expect(page).toContain(`replytocom=${top}#respond`);
    expect(page).not.toContain(`replytocom=${child}#respond`);
    const res = await reader.comment(ARTICLE, { body: 'Too deep.', parentId: child });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('You can no longer reply to that comment');
  });

  it('paginates long threads by top-level comment and sends a new comment to its page', async () => {
    await rules({ commentsPerPage: 5 });
    const reader = new Reader(t);
    const ids: number[] = [];
    for (let i = 1; i <= 6; i++) ids.push(await said(reader, `Comment number ${i}.`));
    const first = (await t.app.inject(ARTICLE)).body;
    expect(first).toContain('Comment number 5.');
    expect(first).not.toContain('Comment number 6.');
    expect(first).toContain(`<a href="${ARTICLE}?cpage=2#comments" rel="next">Newer comments</a>`);
    const second = (await t.app.inject(`${ARTICLE}?cpage=2`)).body;
    expect(second).toContain('Comment number 6.');
    expect(second).toContain('6 comments');
    await expectValidHtml(second, 'second page of comments');
    const res = await reader.comment(ARTICLE, { body: 'Seventh.' });
    expect(res.headers.location).toMatch(new RegExp(`^${ARTICLE}\\?cpage=2#comment-\\d+$`));
  });

  it('takes a permalink from mail or a feed to the page of its thread, and a reply on a later page back to that page', async () => {
    await rules({ commentsPerPage: 5 });
    const reader = new Reader(t);
    const ids: number[] = [];
    for (let i = 1; i <= 7; i++) ids.push(await said(reader, `Comment number ${i}.`));
    const reply = await said(reader, 'A reply on page two.', ids[5]);
    for (const [id, page] of [[ids[0]!, ''], [ids[4]!, ''], [ids[5]!, '?cpage=2'], [reply, '?cpage=2']] as const) {
      const res = await t.app.inject(`/comments/${id}/`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${ARTICLE}${page}#comment-${id}`);
      expect((await t.app.inject(res.headers.location as string)).body).toContain(`<li id="comment-${id}"`);
    }
    const second = (await t.app.inject(`${ARTICLE}?cpage=2`)).body;
    expect(second).toContain(`href="${ARTICLE}?cpage=2&amp;replytocom=${ids[6]}#respond"`);
    const res = await reader.comment(`${ARTICLE}?cpage=2`, { body: 'Answering number seven.', parentId: ids[6] });
    expect(res.headers.location).toMatch(new RegExp(`^${ARTICLE}\\?cpage=2#comment-\\d+$`));
    // Held, trashed or unknown comments have no public permalink.
    const held = commentIdOf(await new Reader(t).comment(ARTICLE, { email: 'new@readers.example', body: 'Held.' }));
    expect((await t.app.inject(`/comments/${held}/`)).statusCode).toBe(404);
    expect((await t.app.inject('/comments/999999/')).statusCode).toBe(404);
  });

  it('shows a reply form sent with a mistake again on the page of the comment it answers, everything typed kept, "notify me" still ticked', async () => {
    await rules({ commentsPerPage: 5 });
    const reader = new Reader(t);
    const ids: number[] = [];
    for (let i = 1; i <= 6; i++) ids.push(await said(reader, `Comment number ${i}.`));
    const res = await reader.comment(`${ARTICLE}?cpage=2`, {
      parentId: ids[5], name: 'Timur', email: 'timur@', url: 'https://timur.example/', body: 'My answer, kept.', notify: true,
    });
    expect(res.statusCode).toBe(422);
    const page = res.body;
    expect(page).toContain('Reply to Maria Reader');
    expect(page).toContain(`name="parentId" value="${ids[5]}"`);
    expect(page).toContain('Comment number 6.');
    expect(page).not.toContain('Comment number 1.');
    expect(page).toContain('value="Timur"');
    expect(page).toContain('value="timur@"');
    expect(page).toContain('value="https://timur.example/"');
    expect(page).toContain('>My answer, kept.</textarea>');
    expect(page).toMatch(/<input type="checkbox" id="comment-notify" name="notify" value="on" checked>/);
    expect(page).toContain('<p class="field-error" id="comment-email-error">');
    await expectValidHtml(page, 'reply form with an error');
    // Unticked, it comes back unticked.
    const unticked = await reader.comment(ARTICLE, { email: 'timur@', body: 'Again.' });
    expect(unticked.body).toMatch(/<input type="checkbox" id="comment-notify" name="notify" value="on">/);
    expect(unticked.body).toContain('name="parentId" value=""');
  });

  it('renders hostile text escaped and harmless: no tags, handlers, javascript: links, bidi overrides or null bytes', async () => {
    const reader = new Reader(t);
    await rules({ maxLinks: 10 });
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '<a href="javascript:alert(3)">click</a> javascript:alert(4)',
      `${'W'.repeat(3000)}`,
      'abc\u202Egnp.exe\u2066x\u2069 nul\u0000byte $& $\' $`',
      'Read https://example.org/report?a=1&b=2, then <b>bold</b>',
      '"quoted" \'single\'',
    ].join('\n\n');
    const id = commentIdOf(await reader.comment(ARTICLE, { name: '<i onmouseover=alert(5)>Evil</i>\u202E', url: 'https://evil.example/"><script>', body: hostile }));
    await approve(id);
    const page = (await t.app.inject(ARTICLE)).body;
    const section = page.slice(page.indexOf('<section class="comments"'), page.indexOf('</section>', page.indexOf('<section class="comments"')));
    expect(section).not.toMatch(/<script|<img|<i |href="javascript:/i);
    // No event-handler attribute on any tag (quoted attribute values are text, so set aside first).
    expect(section.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+=/i);
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(section).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(section).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000]/);
    expect(section).toContain('abcgnp.exex nulbyte $&amp; $&#39; $`');
    expect(section).toContain('<a href="https://example.org/report?a=1&amp;b=2" rel="nofollow ugc noopener">https://example.org/report?a=1&amp;b=2</a>, then &lt;b&gt;bold&lt;/b&gt;');
    expect(section).toContain('&lt;i onmouseover=alert(5)&gt;Evil&lt;/i&gt;');
    expect(section).toContain('W'.repeat(3000));
    expect(page).not.toContain('maria@readers.example');
    await expectValidHtml(page, 'article with hostile comment');
    const row = await t.ctx.database.db.selectFrom('comments').select(['body', 'author_url']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.body).not.toMatch(/[\u202E\u0000]/);
    expect(row.author_url).toBe('https://evil.example/%22%3E%3Cscript%3E');
  });

  it('keeps paragraphs and line breaks of plain text', async () => {
    const id = await said(new Reader(t), 'Line one\nline two\n\nNew paragraph');
    const page = (await t.app.inject(ARTICLE)).body;
    expect(page).toContain(`<div class="comment-body"><p>Line one<br>line two</p><p>New paragraph</p></div>`);
    expect(id).toBeGreaterThan(0);
  });

  it('never shows a commenter email in the page, its attributes, or the feeds', async () => {
    await said(new Reader(t), 'Visible words.');
    for (const url of [ARTICLE, '/', '/feed/', `${ARTICLE}?replytocom=1`]) {
      const res = await t.app.inject(url);
      expect(res.body, url).not.toContain('maria@readers.example');
      expect(res.body, url).not.toContain('readers.example');
    }
  });
});
