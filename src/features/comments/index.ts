export type { CommentDraft, CommentState, ModeratedComment, PublicComment, SubmitOutcome, Visitor } from './model.js';
export { addBlock, matchBlocks, removeBlock } from './blocks.js';
export { commentsOpen, type CommentDeps, type CommentErrorCode, submitComment } from './rules.js';
export { commentsRoutes, installCommentSlots, OWN_COMMENTS_COOKIE, type CommentsRoutesDeps } from './routes.js';
export { commentSecret, formTokenRefresher, hashIp } from './secret.js';
export { commentsMemos, loadCommentSection, type SectionDeps } from './section.js';
export { type BlockEntry, countApprovedComments, listBlocks } from './storage.js';
export { cleanText, renderCommentBody, safeUrl } from './text.js';
export {
  addBlockEntry, blockCommenter, countByState, deleteBlockEntry, editComment, findForDesk, listForDesk, moderateComments,
  type CommentEdit, type ModerationAction, replyAsStaff,
} from './moderation.js';
export { eraseCommenter, type ErasureMode, exportCommenter } from './privacy.js';
export { COMMENT_STATES } from './model.js';
export { eraseExpiredCommentIps } from './retention.js';
export { type FeedComment, type FeedPost, findFeedPost, listFeedComments } from './feed-query.js';
