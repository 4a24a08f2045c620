import type { PublicComment } from './model.js';

/** What threading reads of a comment: its id and the comment it answers. */
export interface Threadable {
  id: number;
  parentId: number | null;
}

/** A comment with its replies, oldest first. */
export interface ThreadNode<C extends Threadable = PublicComment> {
  comment: C;
  replies: ThreadNode<C>[];
}

/**
 * Builds the threads from a flat list (oldest first). A reply whose parent is not shown (held,
 * trashed) is shown as a thread of its own, so nothing approved disappears.
 */
export function buildThreads<C extends Threadable>(comments: C[]): ThreadNode<C>[] {
  const nodes = new Map<number, ThreadNode<C>>(comments.map((c) => [c.id, { comment: c, replies: [] }]));
  const roots: ThreadNode<C>[] = [];
  for (const c of comments) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

/** One page of threads (top-level comments with all their replies) and the page count. */
export function pageOfThreads<C extends Threadable>(threads: ThreadNode<C>[], page: number, perPage: number): { threads: ThreadNode<C>[]; totalPages: number } {
  const totalPages = Math.max(1, Math.ceil(threads.length / perPage));
  return { threads: threads.slice((page - 1) * perPage, page * perPage), totalPages };
}

/** Finds a comment among the threads. */
export function findInThreads<C extends Threadable>(threads: ThreadNode<C>[], id: number): C | null {
  for (const node of threads) {
    if (node.comment.id === id) return node.comment;
    const found = findInThreads(node.replies, id);
    if (found) return found;
  }
  return null;
}

/** The page (1-based) whose threads hold comment `id`; 1 when it is not shown at all. */
export function pageOfComment(threads: ThreadNode<Threadable>[], id: number, perPage: number): number {
  const index = threads.findIndex((node) => findInThreads([node], id) !== null);
  return index < 0 ? 1 : Math.floor(index / perPage) + 1;
}
