export type { CommentDraft, CommentState, ModeratedComment, PublicComment, SubmitOutcome, Visitor } from './model.js';
export { addBlock, matchBlocks, removeBlock } from './blocks.js';
export { commentsOpen, type CommentDeps, type CommentErrorCode, submitComment } from './rules.js';
export { commentsRoutes, installCommentSlots, OWN_COMMENTS_COOKIE, type CommentsRoutesDeps } from './routes.js';
export { commentSecret, hashIp } from './secret.js';
export { loadCommentSection } from './section.js';
export { type BlockEntry, countApprovedComments, listBlocks } from './storage.js';
export { cleanText, renderCommentBody, safeUrl } from './text.js';
