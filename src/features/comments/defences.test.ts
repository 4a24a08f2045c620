import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser } from '../../../test/admin.js';
import { commentIdOf, Reader } from '../../../test/comments.js';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { loadSettings, type Settings } from '../site/index.js';
import { addBlock } from './blocks.js';
import { editComment } from './moderation.js';
import { commentSecret, hashIp } from './secret.js';

const ARTICLE = '/2026/01/spam-magnet/';

describe.each(DIALECTS)('spam and abuse defences on %s', (dialect) => {
  let t: TestApp;
  const rules = async (change: Partial<Settings['comments']>) =>
    givenSettings(t.ctx, { comments: { ...(await loadSettings(t.ctx.database.db)).comments, ...change } });
  const statusOf = async (id: number) =>
    (await t.ctx.database.db.selectFrom('comments').select(['status', 'spam_reason']).where('id', '=', id).executeTakeFirstOrThrow());
  const count = async () => (await t.ctx.database.db.selectFrom('comments').select('id').execute()).length;

  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: 'true' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    await givenPost(t.ctx, { title: 'Spam magnet', slug: 'spam-magnet' });
  });
  afterEach(async () => t.close());

  it('sends a comment whose hidden honeypot field was filled to spam, answering like any other', async () => {
    const res = await new Reader(t).comment(ARTICLE, { website2: 'http://cheap.example' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${ARTICLE}?comment=received#comments`);
    const row = await t.ctx.database.db.selectFrom('comments').select(['status', 'spam_reason']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'spam', spam_reason: 'honeypot' });
    const notice = await t.app.inject(res.headers.location as string);
    expect(notice.body).toContain('Thank you. Your comment has been received.');
  });

  it('hides the honeypot from people and assistive technology', async () => {
    const page = (await t.app.inject(ARTICLE)).body;
    expect(page).toMatch(/<div class="comment-trap" aria-hidden="true">.*<input type="text" id="comment-trap" name="website2" value="" tabindex="-1" autocomplete="off">/s);
  });

  it('asks a reader who sent the form faster than the minimum time to send it again, keeping the text', async () => {
    const res = await new Reader(t).comment(ARTICLE, { body: 'Quick thought.' }, 1000);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('That was quick!');
    expect(res.body).toContain('>Quick thought.</textarea>');
    expect(await count()).toBe(0);
    await rules({ minSubmitSeconds: 0 });
    expect((await new Reader(t).comment(ARTICLE, {}, 0)).statusCode).toBe(303);
  });

  it('sends a comment with a forged or missing form token to spam', async () => {
    const reader = new Reader(t);
    const page = await reader.get(ARTICLE);
    const postId = page.body.match(/name="postId" value="(\d+)"/)![1]!;
    t.clock.advance(10_000);
    const res = await reader.browser.post('/comments/', { postId, name: 'Bot', email: 'bot@bots.example', body: 'Buy now', formToken: `1.${postId}.${'A'.repeat(43)}` });
    expect(res.statusCode).toBe(303);
    const row = await t.ctx.database.db.selectFrom('comments').select(['status', 'spam_reason']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'spam', spam_reason: 'form token' });
    const missing = await reader.browser.post('/comments/', { postId, name: 'Bot', email: 'bot2@bots.example', body: 'Buy later' });
    expect(missing.statusCode).toBe(303);
    expect(missing.headers.location).toBe(`${ARTICLE}?comment=received#comments`);
    const rows = await t.ctx.database.db.selectFrom('comments').select(['status', 'spam_reason']).execute();
    expect(rows).toEqual([row, row]);
  });

  it('limits comments per IP address per hour with 429 and the form kept', async () => {
    await rules({ perIpPerHour: 2, perEmailPerHour: 100 });
    const reader = new Reader(t, '198.51.100.9');
    expect((await reader.comment(ARTICLE, { email: 'a@x.example', body: 'one' })).statusCode).toBe(303);
    expect((await reader.comment(ARTICLE, { email: 'b@x.example', body: 'two' })).statusCode).toBe(303);
    const third = await reader.comment(ARTICLE, { email: 'c@x.example', body: 'three' });
    expect(third.statusCode).toBe(429);
    expect(third.body).toContain('You are commenting too often');
    expect(third.body).toContain('>three</textarea>');
    expect((await new Reader(t, '198.51.100.10').comment(ARTICLE, { email: 'd@x.example', body: 'four' })).statusCode).toBe(303);
  });

  it('limits comments per email address per hour, whatever the IP', async () => {
    await rules({ perIpPerHour: 100, perEmailPerHour: 1 });
    expect((await new Reader(t, '192.0.2.1').comment(ARTICLE, { body: 'one' })).statusCode).toBe(303);
    expect((await new Reader(t, '192.0.2.2').comment(ARTICLE, { body: 'two' })).statusCode).toBe(429);
    // The counters are kept under keyed hashes: the address itself is never stored there.
    const keys = (await t.ctx.database.db.selectFrom('rate_limits').select('key').where('key', 'like', 'comment:%').execute()).map((r) => r.key);
    expect(keys).toHaveLength(3);
    expect(keys.join(' ')).not.toMatch(/maria|readers\.example|192\.0\.2/);
  });

  it('holds for moderation a comment with more links than allowed, even from a known commenter', async () => {
    await rules({ maxLinks: 1 });
    const reader = new Reader(t);
    const first = commentIdOf(await reader.comment(ARTICLE, { body: 'Fine.' }));
    await t.ctx.database.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', first).execute();
    const one = commentIdOf(await reader.comment(ARTICLE, { body: 'See https://a.example/' }));
    expect((await statusOf(one)).status).toBe('approved');
    const two = commentIdOf(await reader.comment(ARTICLE, { body: 'See https://a.example/ and http://b.example/' }));
    expect((await statusOf(two)).status).toBe('pending');
  });

  it('sends to spam, not to an error page, comments matching a blocked word, email, domain or IP', async () => {
    const db = t.ctx.database.db;
    const now = t.clock.now();
    await addBlock(db, { kind: 'word', value: 'Casino' }, now);
    await addBlock(db, { kind: 'email', value: 'troll@abuse.example' }, now);
    await addBlock(db, { kind: 'email', value: '@spam-domain.example' }, now);
    await addBlock(db, { kind: 'ip', value: hashIp(await commentSecret(db), '192.0.2.66') }, now);
    const cases: [Reader, object, string][] = [
      [new Reader(t), { body: 'Best CASINO bonus', email: 'w@x.example' }, 'blocked word'],
      [new Reader(t), { email: 'troll@abuse.example' }, 'blocked email'],
      [new Reader(t), { email: 'anyone@spam-domain.example' }, 'blocked email'],
      [new Reader(t, '192.0.2.66'), { email: 'ip@x.example' }, 'blocked IP'],
    ];
    for (const [reader, form, reason] of cases) {
      const res = await reader.comment(ARTICLE, form);
      expect(res.statusCode).toBe(303);
      const row = await db.selectFrom('comments').select(['status', 'spam_reason']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'spam', spam_reason: reason });
    }
    expect((await t.app.inject(ARTICLE)).body).not.toContain('CASINO');
  });

  it('refuses the same comment twice from the same email under the same post', async () => {
    const reader = new Reader(t);
    expect((await reader.comment(ARTICLE, { body: 'Same words.' })).statusCode).toBe(303);
    const again = await reader.comment(ARTICLE, { body: 'Same words.' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('You have already posted this comment.');
    expect(await count()).toBe(1);
  });

  it('refuses a repeat of a comment stored before texts were hashed, and of a text a moderator edited', async () => {
    const db = t.ctx.database.db;
    const reader = new Reader(t);
    const first = commentIdOf(await reader.comment(ARTICLE, { body: 'First words.' }));
    // As comments stored before migration 0015 (and imported ones) are: no hash.
    await db.updateTable('comments').set({ body_hash: null }).where('id', '=', first).execute();
    expect((await reader.comment(ARTICLE, { body: 'First words.' })).statusCode).toBe(422);
    const moderator = await givenUser(t.ctx, 'editor');
    await editComment({ db, clock: t.clock }, first, { name: 'Maria Reader', email: 'maria@readers.example', url: '', body: 'Edited words.' }, { userId: moderator, actor: 'editor' });
    expect((await reader.comment(ARTICLE, { body: 'Edited words.' })).statusCode).toBe(422);
    expect((await reader.comment(ARTICLE, { body: 'First words.' })).statusCode).toBe(303);
    expect(await count()).toBe(2);
  });

  it('counts a refused repeat against the hourly limit like any other comment', async () => {
    await rules({ perIpPerHour: 100, perEmailPerHour: 2 });
    const reader = new Reader(t);
    expect((await reader.comment(ARTICLE, { body: 'Once.' })).statusCode).toBe(303);
    expect((await reader.comment(ARTICLE, { body: 'Once.' })).statusCode).toBe(422);
    expect((await reader.comment(ARTICLE, { body: 'Twice.' })).statusCode).toBe(429);
    expect(await count()).toBe(1);
  });

  it('refuses a comment longer than the limit, and an empty one', async () => {
    await rules({ commentMaxLength: 100 });
    const long = await new Reader(t).comment(ARTICLE, { body: 'x'.repeat(101) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Your comment is too long');
    const empty = await new Reader(t).comment(ARTICLE, { body: ' \n\u202E\u0000 ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Write your comment.');
    expect(await count()).toBe(0);
  });
});
