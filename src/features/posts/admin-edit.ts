import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import type { PostInput } from './input.js';
import { postPath } from './paths.js';
import { loadPostState, type PostState } from './post-state.js';

/** A post as the edit form shows it: its input (every field of the content model) and its state. */
export interface EditablePost {
  state: PostState;
  input: PostInput & { slug: string; publishedAt?: string };
  /** The public address (meaningful once published). */
  path: string;
}

/** The post with everything the edit form needs, or null when there is no such post. */
export async function loadPostForEditing(db: Kysely<DB>, id: number): Promise<EditablePost | null> {
  const [row, state] = await Promise.all([
    db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst(),
    loadPostState(db, id),
  ]);
  if (!row || !state) return null;
  const [categories, tags, translation] = await Promise.all([
    db.selectFrom('post_categories').select('category_id').where('post_id', '=', id).execute(),
    db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id').select('tags.name')
      .where('post_tags.post_id', '=', id).orderBy('tags.name').execute(),
    row.translation_group
      ? db.selectFrom('posts').select('id').where('translation_group', '=', row.translation_group)
          .where('id', '!=', id).where('language', '!=', row.language).orderBy('id').limit(1).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return {
    state,
    path: postPath(row),
    input: {
      title: row.title,
      slug: row.slug,
      standfirst: row.standfirst,
      body: row.body_md,
      postscript: row.postscript_md,
      status: row.status,
      ...(row.published_at ? { publishedAt: row.published_at } : {}),
      language: row.language,
      ...(translation ? { translationOf: translation.id } : {}),
      commentStatus: row.comment_status,
      featuredImage: { url: row.featured_image_url, alt: row.featured_image_alt, caption: row.featured_image_caption },
      authorIds: [...state.authorIds],
      categoryIds: categories.map((c) => c.category_id),
      tagNames: tags.map((t) => t.name),
      sticky: row.sticky === 1,
    },
  };
}

export interface EditorChoices {
  authors: { id: number; name: string }[];
  /** In tree order; depth 0 for top-level categories. */
  categories: { id: number; name: string; depth: number }[];
  /** Posts a post can be a translation of (newest first, trash left out). */
  translationCandidates: { id: number; title: string; language: string }[];
}

/** How many posts the "translation of" list offers; a site with more picks among the newest. */
const TRANSLATION_CHOICES = 300;

/** The choices of the form's lists. */
export async function loadEditorChoices(db: Kysely<DB>, excludePostId: number | null): Promise<EditorChoices> {
  let candidates = db.selectFrom('posts').select(['id', 'title', 'language']).where('deleted_at', 'is', null);
  if (excludePostId !== null) candidates = candidates.where('id', '!=', excludePostId);
  const [authors, categories, posts] = await Promise.all([
    db.selectFrom('authors').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('categories').select(['id', 'name', 'parent_id']).orderBy('name').execute(),
    candidates.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(TRANSLATION_CHOICES).execute(),
  ]);
  return { authors, categories: categoryTree(categories), translationCandidates: posts };
}

function categoryTree(rows: { id: number; name: string; parent_id: number | null }[]): EditorChoices['categories'] {
  const out: EditorChoices['categories'] = [];
  const ids = new Set(rows.map((r) => r.id));
  const visit = (parent: number | null, depth: number) => {
    for (const row of rows) {
      const effectiveParent = row.parent_id !== null && ids.has(row.parent_id) ? row.parent_id : null;
      if (effectiveParent !== parent || depth > 20) continue;
      out.push({ id: row.id, name: row.name, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
