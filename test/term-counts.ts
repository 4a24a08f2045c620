import type { Kysely } from 'kysely';
import type { DB } from '../src/storage/schema.js';

export interface TermCountRow {
  kind: string;
  term_id: number;
  language: string;
  posts: number;
}

const order = (rows: TermCountRow[]) =>
  rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.term_id - b.term_id || a.language.localeCompare(b.language));

/**
 * The `term_counts` table, and what it must hold worked out here from the posts, their links and
 * the category tree (in plain code, not the SQL of the migration or the tally under test): per
 * term and language the posts that are published, dated and not in the trash; a category counts
 * the posts filed under it or any sub-category, each once.
 */
export async function termCountsAndTruth(db: Kysely<DB>): Promise<{ table: TermCountRow[]; truth: TermCountRow[] }> {
  const [table, posts, categories, postCategories, postTags, postAuthors] = await Promise.all([
    db.selectFrom('term_counts').select(['kind', 'term_id', 'language', 'posts']).execute(),
    db.selectFrom('posts').select(['id', 'language']).where('status', '=', 'published').where('deleted_at', 'is', null).where('published_at', 'is not', null).execute(),
    db.selectFrom('categories').select(['id', 'parent_id']).execute(),
    db.selectFrom('post_categories').select(['post_id', 'category_id as term']).execute(),
    db.selectFrom('post_tags').select(['post_id', 'tag_id as term']).execute(),
    db.selectFrom('post_authors').select(['post_id', 'author_id as term']).execute(),
  ]);
  const language = new Map(posts.map((p) => [p.id, p.language]));
  const parent = new Map(categories.map((c) => [c.id, c.parent_id]));
  const members = new Map<string, Set<number>>();
  const add = (kind: string, term: number, post: number) => {
    const key = JSON.stringify([kind, term, language.get(post)]);
    members.set(key, (members.get(key) ?? new Set()).add(post));
  };
  for (const link of postCategories) {
    if (!language.has(link.post_id)) continue;
    const seen = new Set<number>();
    for (let at: number | null | undefined = link.term; at != null && !seen.has(at); at = parent.get(at)) {
      seen.add(at);
      add('category', at, link.post_id);
    }
  }
  for (const link of postTags) if (language.has(link.post_id)) add('tag', link.term, link.post_id);
  for (const link of postAuthors) if (language.has(link.post_id)) add('author', link.term, link.post_id);
  const truth = [...members].map(([key, set]) => {
    const [kind, term_id, lang] = JSON.parse(key) as [string, number, string];
    return { kind, term_id, language: lang, posts: set.size };
  });
  return { table: order(table.map((r) => ({ ...r, posts: Number(r.posts) }))), truth: order(truth) };
}
