import type { CommentState } from '../../storage/schema.js';

/**
 * The comment model: what a visitor may send, what the public sees, what moderators see.
 * Server-owned fields (status, dates, depth, IP, user agent, staff user) are never taken from
 * what a client sends: `submitComment` sets them, whatever the form contained.
 */

export type { CommentState };
export const COMMENT_STATES: readonly CommentState[] = ['pending', 'approved', 'spam', 'trash'];

/** What a visitor types into the form (already through the edge schema; not yet trusted). */
export interface CommentDraft {
  postId: number;
  parentId: number | null;
  name: string;
  email: string;
  url: string;
  body: string;
  notifyReplies: boolean;
  /** The honeypot: any value means a robot filled the form. */
  trap: string;
  /** The signed "form shown at" token. */
  formToken: string;
}

/** Where a submission came from; the IP is hashed before anything is stored for long. */
export interface Visitor {
  ip: string;
  userAgent: string;
}

/** A comment as public pages show it: no email, no IP, no user agent. */
export interface PublicComment {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  /** http(s) only, or ''. */
  authorUrl: string;
  body: string;
  status: CommentState;
  createdAt: string;
  isStaff: boolean;
}

/** A comment as the moderation desk shows it. */
export interface ModeratedComment extends PublicComment {
  postId: number;
  postTitle: string;
  postPath: string;
  authorEmail: string;
  ip: string | null;
  spamReason: string;
  editedAt: string | null;
}

/** What became of a submission. */
export interface SubmitOutcome {
  id: number;
  status: CommentState;
}
