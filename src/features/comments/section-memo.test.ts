import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentIdOf, Reader } from '../../../test/comments.js';
import { givenUser } from '../../../test/admin.js';
import { givenPost } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { moderateComments } from './moderation.js';

// Each post's approved comments are remembered while the data version holds (SQLite); every
// reader must still see a change at once.

const ARTICLE = '/2026/01/under-discussion/';

describe.each(DIALECTS)('the comments under an article after a change, on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { trustProxy: 'true' } });
    await givenPost(t.ctx, { title: 'Under discussion', slug: 'under-discussion' });
  });
  afterEach(async () => t.close());

  it('show a comment to every reader the moment a moderator approves it, and its author their own before', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(ARTICLE, { body: 'The depot figures add up.' }));
    expect((await t.app.inject(ARTICLE)).body).not.toContain('The depot figures add up.');
    expect((await maria.get(ARTICLE)).body).toContain('The depot figures add up.');
    expect((await t.app.inject(ARTICLE)).body).toContain('<h2 id="comments-heading">No comments</h2>');

    const moderator = await givenUser(t.ctx, 'editor');
    await moderateComments({ db: t.ctx.database.db, clock: t.clock }, [id], 'approve', { userId: moderator, actor: 'editor@lantern.example' });
    const page = (await t.app.inject(ARTICLE)).body;
    expect(page).toContain('The depot figures add up.');
    expect(page).toContain('<h2 id="comments-heading">1 comment</h2>');

    await moderateComments({ db: t.ctx.database.db, clock: t.clock }, [id], 'spam', { userId: moderator, actor: 'editor@lantern.example' });
    expect((await t.app.inject(ARTICLE)).body).not.toContain('The depot figures add up.');
  });
});
