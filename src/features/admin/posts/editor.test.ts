import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldValue, postForm, savedPostId, signedIn, type Writer } from '../../../../test/admin-posts.js';
import { givenAuthor, givenCategory, givenPost } from '../../../../test/fixtures.js';
import { expectValidHtml, textOf } from '../../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';

describe.each(DIALECTS)('writing a post in the admin on %s', (dialect) => {
  let t: TestApp;
  let editor: Writer;
  const db = () => t.ctx.database.db;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    editor = await signedIn(t.app, t.ctx, 'editor', 'Ed Itor');
  });
  afterEach(async () => t.close());

  it('shows a new-post form with every field of the content model under a visible label, and buttons that say what they do', async () => {
    await givenCategory(t.ctx, 'labour');
    const page = await editor.browser.get('/admin/posts/new');
    expect(page.statusCode).toBe(200);
    for (const [id, label] of [
      ['title', 'Title'], ['standfirst', 'Standfirst'], ['body', 'Body'], ['postscript', 'Post-script'], ['slug', 'Slug'],
      ['tags', 'Tags'], ['authorIds', 'Authors'], ['language', 'Language'], ['translationOf', 'Translation of'],
      ['featuredImageUrl', 'Featured image URL'], ['featuredImageAlt', 'Featured image description (alt text)'],
      ['featuredImageCaption', 'Featured image caption'], ['commentStatus', 'Comments'], ['publishAt', 'Publication date and time'],
    ] as const) {
      expect(page.body).toMatch(new RegExp(`<label for="${id}">${label.replace(/[()]/g, '\\$&')}[ <]`));
    }
    expect(page.body).toContain('<legend>Categories</legend>');
    expect(page.body).toContain('<label for="category-1">Labour</label>');
    expect(page.body).toContain('<label for="sticky">Pin to the top of the front page</label>');
    for (const button of ['Save draft', 'Preview', 'Publish', 'Schedule']) expect(page.body).toContain(`>${button}</button>`);
    expect(page.body).toContain('In the site’s time zone (UTC)');
    await expectValidHtml(page.body, 'new post');
  });

  it('saves a draft with every field, makes the slug from a Cyrillic title, and shows it all again in the form', async () => {
    const labour = await givenCategory(t.ctx, 'labour');
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    const original = await givenPost(t.ctx, { title: 'Tram strike', language: 'en' });
    const res = await editor.browser.post('/admin/posts/new', postForm({
      title: 'Забастовка трамвайщиков', standfirst: 'Первая за двадцать лет.', body: 'Текст **статьи**.', postscript: 'Исправлено.',
      tags: 'транспорт, Забастовки ,транспорт', authorIds: [String(anna)], categoryIds: [String(labour)], language: 'ru',
      translationOf: String(original), featuredImageUrl: '/media/tram.jpg', featuredImageAlt: 'Трамвай в депо',
      featuredImageCaption: 'Депо, утро.', commentStatus: 'closed', sticky: 'on', publishAt: '2026-07-01T10:00',
    }));
    const id = savedPostId(res);
    const row = await db().selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      slug: 'zabastovka-tramvayshchikov', status: 'draft', language: 'ru', comment_status: 'closed', sticky: 1,
      featured_image_url: '/media/tram.jpg', postscript_md: 'Исправлено.', published_at: '2026-07-01T10:00:00.000Z',
    });
    expect(row.body_html).toContain('<strong>статьи</strong>');
    const page = await editor.browser.get(`/admin/posts/${id}/edit`);
    expect(page.body).toContain('<p class="notice" role="status">Draft saved.</p>');
    expect(fieldValue(page.body, 'title')).toBe('Забастовка трамвайщиков');
    expect(fieldValue(page.body, 'tags')).toBe('Забастовки, транспорт');
    expect(fieldValue(page.body, 'featuredImageAlt')).toBe('Трамвай в депо');
    expect(fieldValue(page.body, 'publishAt')).toBe('2026-07-01T10:00');
    expect(page.body).toMatch(new RegExp(`<option value="${anna}" selected>Anna Keller</option>`));
    expect(page.body).toMatch(new RegExp(`<option value="${original}" selected>Tram strike \\(en\\)</option>`));
    expect(page.body).toMatch(/<input type="checkbox" id="category-\d+" name="categoryIds" value="\d+" checked>/);
    expect(page.body).toMatch(/<option value="closed" selected>Closed<\/option>/);
    expect(page.body).toContain('<input type="checkbox" id="sticky" name="sticky" value="on" checked>');
    expect(page.body).toContain('Текст <strong>статьи</strong>.');
    await expectValidHtml(page.body, 'edit form');
  });

  it('keeps what the user typed and shows each error next to its field', async () => {
    const res = await editor.browser.post('/admin/posts/new', postForm({
      title: '', body: 'My <careful> draft & notes', slug: 'Not A Slug', featuredImageUrl: 'javascript:alert(1)', publishAt: '2026-02-30T10:00',
    }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="field-error" id="title-error">Enter a headline</p>');
    expect(res.body).toContain('<p class="field-error" id="slug-error">Use lowercase letters, digits and hyphens only</p>');
    expect(res.body).toContain('id="featuredImageUrl-error">Enter an image address starting with / or https://</p>');
    expect(res.body).toContain('id="publishAt-error">Enter a date and time');
    expect(res.body).toMatch(/<input type="text" id="slug" name="slug" value="Not A Slug"[^>]* aria-describedby="slug-hint slug-error" aria-invalid="true">/);
    expect(fieldValue(res.body, 'body')).toBe('My <careful> draft & notes');
    expect(res.body).toContain('<a href="#title">Title: Enter a headline</a>');
    expect(await db().selectFrom('posts').select('id').execute()).toEqual([]);
    await expectValidHtml(res.body, 'form with errors');
  });

  it('publishes a post that readers then find at its address, and records who published it', async () => {
    const id = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ action: 'publish' })));
    const page = await editor.browser.get(`/admin/posts/${id}/edit`);
    expect(page.body).toContain('Published: readers can see it now.');
    expect(page.body).toContain('<a href="/2026/06/tram-drivers-vote-to-strike/">View on the site</a>');
    expect(page.body).toContain('>Unpublish</button>');
    const article = await t.app.inject('/2026/06/tram-drivers-vote-to-strike/');
    expect(article.statusCode).toBe(200);
    expect(textOf(article.body, /<h1>(.*?)<\/h1>/)).toBe('Tram drivers vote to strike');
    expect(article.body).toContain('<a href="/author/ed-itor/" rel="author">Ed Itor</a>');
    const audit = await db().selectFrom('audit_log').select(['action', 'actor', 'subject']).where('action', 'like', 'post.%').execute();
    expect(audit).toEqual([{ action: 'post.publish', actor: editor.email, subject: `post:${id}` }]);
  });

  it('refuses to publish "now" at a time still to come, and suggests scheduling', async () => {
    const res = await editor.browser.post('/admin/posts/new', postForm({ action: 'publish', publishAt: '2026-07-01T09:00' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('That time is still to come: choose Schedule, or clear it to publish now');
  });

  it('renders the live preview with the public renderer and sanitiser, for a request carrying the CSRF header', async () => {
    const body = new URLSearchParams({ body: '## Heading\n\n"Quoted" <script>alert(1)</script> <a href="javascript:x">x</a>', language: 'ru' });
    const res = await t.app.inject({
      method: 'POST', url: '/admin/preview', payload: body.toString(),
      headers: { cookie: editor.browser.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': editor.browser.csrf },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<h2 id="heading">Heading</h2>');
    expect(res.body).toContain('«Quoted»');
    expect(res.body).not.toContain('<script');
    expect(res.body).not.toContain('javascript:');
    const forged = await t.app.inject({
      method: 'POST', url: '/admin/preview', payload: body.toString(),
      headers: { cookie: editor.browser.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(403);
  });

  it('previews a draft, and the unsaved form, exactly as readers will see the article, saving nothing', async () => {
    const id = savedPostId(await editor.browser.post('/admin/posts/new', postForm()));
    const stored = await editor.browser.get(`/admin/posts/${id}/preview`);
    expect(stored.statusCode).toBe(200);
    expect(stored.body).toContain('<article class="article">');
    expect(stored.body).toContain('<h2 id="what-happens-next">What happens next</h2>');
    expect(stored.headers['cache-control']).toBe('no-store');
    expect((await t.app.inject('/2026/06/tram-drivers-vote-to-strike/')).statusCode).toBe(404);
    await expectValidHtml(stored.body, 'stored preview');

    const unsaved = await editor.browser.post('/admin/posts/preview', postForm({ title: 'A headline not saved yet', body: 'Fresh *words*.' }));
    expect(unsaved.statusCode).toBe(200);
    expect(textOf(unsaved.body, /<h1>(.*?)<\/h1>/)).toBe('A headline not saved yet');
    expect(unsaved.body).toContain('Fresh <em>words</em>.');
    await expectValidHtml(unsaved.body, 'unsaved preview');
    expect(await db().selectFrom('posts').select('title').execute()).toEqual([{ title: 'Tram drivers vote to strike' }]);
  });

  it('links a translation to its original, and readers of each get a link to the other', async () => {
    const en = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ action: 'publish' })));
    savedPostId(await editor.browser.post('/admin/posts/new', postForm({
      title: 'Водители трамваев голосуют за забастовку', language: 'ru', translationOf: String(en), action: 'publish',
    })));
    const english = await t.app.inject('/2026/06/tram-drivers-vote-to-strike/');
    expect(english.body).toContain('<link rel="alternate" hreflang="ru" href="');
    expect(english.body).toContain('<a href="/2026/06/voditeli-tramvaev-golosuyut-za-zabastovku/" hreflang="ru" lang="ru">');
    const russian = await t.app.inject('/2026/06/voditeli-tramvaev-golosuyut-za-zabastovku/');
    expect(russian.body).toContain('<a href="/2026/06/tram-drivers-vote-to-strike/" hreflang="en" lang="en">');
  });

  it('creates an author profile for a writer who has none, the first time they write, and puts them in the byline', async () => {
    const writer = await signedIn(t.app, t.ctx, 'contributor', 'Nadia Orlova');
    const id = savedPostId(await writer.browser.post('/admin/posts/new', postForm()));
    const user = await db().selectFrom('users').select('author_id').where('id', '=', writer.userId).executeTakeFirstOrThrow();
    const author = await db().selectFrom('authors').select(['id', 'name', 'slug']).where('id', '=', user.author_id!).executeTakeFirstOrThrow();
    expect(author).toMatchObject({ name: 'Nadia Orlova', slug: 'nadia-orlova' });
    const byline = await db().selectFrom('post_authors').select('author_id').where('post_id', '=', id).execute();
    expect(byline).toEqual([{ author_id: author.id }]);
    const second = savedPostId(await writer.browser.post('/admin/posts/new', postForm({ title: 'Second piece' })));
    expect(await db().selectFrom('authors').select('id').where('name', '=', 'Nadia Orlova').execute()).toHaveLength(1);
    const page = await writer.browser.get(`/admin/posts/${second}/edit`);
    expect(page.body).toMatch(new RegExp(`<option value="${author.id}" selected>Nadia Orlova</option>`));
  });

  it('refuses a forged POST without the CSRF token, or from another site, and saves nothing', async () => {
    const noToken = await editor.browser.post('/admin/posts/new', postForm({ _csrf: '' }));
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('This form has expired');
    const otherSite = await editor.browser.post('/admin/posts/new', postForm(), { origin: 'https://evil.example' });
    expect(otherSite.statusCode).toBe(403);
    expect(await db().selectFrom('posts').select('id').execute()).toEqual([]);
  });
});
