import type { PublicComment } from './model.js';

/** A comment with its replies, oldest first. */
export interface ThreadNode {
  comment: PublicComment;
  replies: ThreadNode[];
}

/**
 * Builds the threads from a flat list (oldest first). A reply whose parent is not shown (held,
 * trashed) is shown as a thread of its own, so nothing approved disappears.
 */
export function buildThreads(comments: PublicComment[]): ThreadNode[] {
  const nodes = new Map<number, ThreadNode>(comments.map((c) => [c.id, { comment: c, replies: [] }]));
  const roots: ThreadNode[] = [];
  for (const c of comments) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

/** One page of threads (top-level comments with all their replies) and the page count. */
export function pageOfThreads(threads: ThreadNode[], page: number, perPage: number): { threads: ThreadNode[]; totalPages: number } {
  const totalPages = Math.max(1, Math.ceil(threads.length / perPage));
  return { threads: threads.slice((page - 1) * perPage, page * perPage), totalPages };
}

/** Finds a comment among the threads. */
export function findInThreads(threads: ThreadNode[], id: number): PublicComment | null {
  for (const node of threads) {
    if (node.comment.id === id) return node.comment;
    const found = findInThreads(node.replies, id);
    if (found) return found;
  }
  return null;
}

/** The page (1-based) whose threads hold comment `id`; 1 when it is not shown at all. */
export function pageOfComment(threads: ThreadNode[], id: number, perPage: number): number {
  const index = threads.findIndex((node) => findInThreads([node], id) !== null);
  return index < 0 ? 1 : Math.floor(index / perPage) + 1;
}
