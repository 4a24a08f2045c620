import type { AppContext } from '../src/context.js';
import { upsertPage } from '../src/features/pages/index.js';
import { createPost, type PostInput, trashPost, upsertAuthor, upsertCategory } from '../src/features/posts/index.js';
import { updateSiteSettings } from '../src/features/site/index.js';
import type { Settings } from '../src/features/site/index.js';
import { givenUser } from './admin.js';

/** Fixture builders: small, explicit ways to put a site into a known state through the services. */

let counter = 0;

export async function givenSettings(ctx: AppContext, change: Partial<Settings>): Promise<void> {
  await updateSiteSettings({ db: ctx.database.db, clock: ctx.clock }, change);
}

export async function givenAuthor(ctx: AppContext, name = 'Anna Keller', bio = ''): Promise<number> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return upsertAuthor(ctx.database.db, { slug, name, bio }, ctx.clock.now().toISOString());
}

export async function givenCategory(ctx: AppContext, slug: string, parentId: number | null = null): Promise<number> {
  return upsertCategory(ctx.database.db, { slug, name: slug[0]!.toUpperCase() + slug.slice(1), parentId }, ctx.clock.now().toISOString());
}

/** A published post (unless `status` says otherwise) by a default author. */
export async function givenPost(ctx: AppContext, input: Partial<PostInput> = {}): Promise<number> {
  counter++;
  const authorIds = input.authorIds ?? [await givenAuthor(ctx)];
  return createPost(
    { db: ctx.database.db, clock: ctx.clock },
    {
      title: `Article number ${counter}`,
      standfirst: `Standfirst of article ${counter}.`,
      body: `Body of article ${counter}.`,
      status: 'published',
      publishedAt: '2026-01-15T10:00:00Z',
      language: 'en',
      ...input,
      authorIds,
    },
  );
}

export async function givenPage(ctx: AppContext, slug: string, title: string, body = 'Page body.'): Promise<number> {
  return upsertPage({ db: ctx.database.db, clock: ctx.clock }, { slug, title, body, language: 'en', status: 'published' });
}

/** Moves a post to the trash as an editor does (so the monthly counts follow). */
export async function givenTrashed(ctx: AppContext, postId: number): Promise<void> {
  counter++;
  const email = `trasher-${counter}@lantern.example`;
  const id = await givenUser(ctx, 'editor', email);
  await trashPost({ db: ctx.database.db, clock: ctx.clock }, { id, name: 'The editor', email, role: 'editor', authorId: null }, postId);
}
