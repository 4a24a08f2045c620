import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/dates.js';
import type { DB } from '../../storage/schema.js';
import { seedDemoAppeals } from '../funding/appeals/index.js';
import { seedDemoFunding } from '../funding/index.js';
import { upsertPage } from '../pages/index.js';
import { createPost, upsertAuthor, upsertCategory } from '../posts/index.js';
import { updateSiteSettings } from '../site/index.js';
import { demoPostsEn } from './content/posts-en.js';
import { demoPostsRu } from './content/posts-ru.js';
import { demoAuthors, demoCategories, demoPages, demoSite } from './content/site.js';
import type { DemoPost } from './content/types.js';

export interface SeedOutcome {
  posts: number;
  pages: number;
  skipped: number;
}

/** True when the site has no posts and no pages yet. */
export async function isSiteEmpty(db: Kysely<DB>): Promise<boolean> {
  const post = await db.selectFrom('posts').select('id').limit(1).executeTakeFirst();
  const page = await db.selectFrom('pages').select('id').limit(1).executeTakeFirst();
  return !post && !page;
}

/**
 * Loads the demo newsroom. Idempotent: authors, categories and pages are upserted by slug;
 * a post whose slug already exists is skipped, so running it twice adds nothing.
 * Site title, tagline and time zone are set only on an empty site.
 */
export async function seedDemo(
  deps: { db: Kysely<DB>; clock: Clock },
  options: { baseUrl: string; onProgress?: (done: number, total: number) => void },
): Promise<SeedOutcome> {
  const { db } = deps;
  const now = toIso(deps.clock.now());
  if (await isSiteEmpty(db)) {
    await updateSiteSettings(deps, {
      title: demoSite.title,
      tagline: demoSite.tagline,
      timeZone: demoSite.timeZone,
      defaultLanguage: demoSite.defaultLanguage,
      baseUrl: options.baseUrl,
    });
  }
  const authorIds = new Map<string, number>();
  for (const author of demoAuthors) authorIds.set(author.slug, await upsertAuthor(db, author, now));
  const categoryIds = new Map<string, number>();
  for (const category of demoCategories) {
    const parentId = category.parent ? categoryIds.get(category.parent) : null;
    categoryIds.set(category.slug, await upsertCategory(db, { ...category, parentId }, now));
  }
  for (const page of demoPages) await upsertPage(deps, { ...page, status: 'published' });

  const posts = [...demoPostsEn, ...demoPostsRu].sort((a, b) => Number(Boolean(a.translationOf)) - Number(Boolean(b.translationOf)));
  const byKey = new Map(posts.map((p) => [p.key, p]));
  const outcome: SeedOutcome = { posts: 0, pages: demoPages.length, skipped: 0 };
  for (const [index, post] of posts.entries()) {
    options.onProgress?.(index + 1, posts.length);
    if (await findPostId(db, post.slug)) {
      outcome.skipped++;
      continue;
    }
    const original = post.translationOf ? byKey.get(post.translationOf) : undefined;
    await createPost(deps, toPostInput(post, authorIds, categoryIds, original ? await findPostId(db, original.slug) : undefined));
    outcome.posts++;
  }
  await seedDemoFunding(deps);
  // Last, so the appeals can link the drive the demo runs.
  await seedDemoAppeals(deps);
  return outcome;
}

async function findPostId(db: Kysely<DB>, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

function toPostInput(post: DemoPost, authors: Map<string, number>, categories: Map<string, number>, translationOf?: number) {
  const ids = (slugs: string[], map: Map<string, number>, what: string) =>
    slugs.map((slug) => {
      const id = map.get(slug);
      if (id === undefined) throw new Error(`Demo post ${post.key} names unknown ${what} ${slug}`);
      return id;
    });
  return {
    title: post.title,
    slug: post.slug,
    standfirst: post.standfirst,
    body: post.body,
    postscript: post.postscript ?? '',
    status: 'published' as const,
    publishedAt: post.publishedAt,
    updatedAt: post.publishedAt,
    language: post.language,
    commentStatus: post.commentStatus ?? 'open',
    authorIds: ids(post.authors, authors, 'author'),
    categoryIds: ids(post.categories, categories, 'category'),
    tagNames: post.tags,
    ...(translationOf ? { translationOf } : {}),
  };
}
