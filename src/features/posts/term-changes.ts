import type { Kysely } from 'kysely';
import type { DB, TermKind } from '../../storage/schema.js';
import { changePosts } from './month-counts.js';
import { categorySubtree, lockTerms, postsOfTerms } from './term-counts.js';

const TABLES = { category: 'categories', tag: 'tags', author: 'authors' } as const;

/**
 * Runs `write`, a change to the terms `termIds` of one kind (a category moved under another
 * parent or deleted, tags merged or deleted, an author deleted), inside the caller's
 * transaction, and moves the term counts (and the monthly counts, should `write` trash posts)
 * by what it changed. A category change covers its whole subtree, whose posts change what its
 * ancestors count. The terms are locked first, then their posts (through `changePosts`), so a
 * post linked to one of them at the same moment is counted under the terms that commit.
 * Returns what `write` returns.
 */
export async function changeTerms<T>(trx: Kysely<DB>, kind: TermKind, termIds: readonly number[], write: () => Promise<T>): Promise<T> {
  const terms = kind === 'category' ? [...new Set((await Promise.all(termIds.map((id) => categorySubtree(trx, id)))).flat())] : [...termIds];
  await lockTerms(trx, TABLES[kind], terms);
  return changePosts(trx, await postsOfTerms(trx, kind, terms), write);
}
