export { postInputSchema, type PostInput } from './input.js';
export { authorPath, categoryPath, pagePath, postPath, tagPath } from './paths.js';
export {
  adjacentPosts, findPublishedPost, listPublished, listPublishedOnDate, nextPublicationAfter, SMALL_TERM, visiblePosts,
  type LocalDateFilter, type PostSummary, type PublishedPost,
} from './read.js';
export { articlePage, postsRoutes, type PostsRoutesDeps } from './routes.js';
export { ensureTags, upsertAuthor, upsertCategory } from './taxonomy.js';
export { commentSlots, postList, renderArticle } from './views.js';
export { createPost, createPostIn, recomputeLocalDates, updatePost, updatePostIn, type PostWriteDeps } from './write.js';
export {
  type AuthorAdminInput, type AuthorDeletion, type AuthorListItem, createAuthor, deleteAuthor, findAuthorWithCount, listAuthorsWithCounts,
  updateAuthor,
} from './author-admin.js';
export {
  type CategoryAdminInput, type CategoryDeletion, type CategoryNode, createCategory, deleteCategory, listCategoryTree, updateCategory,
} from './category-admin.js';
export {
  createTag, deleteTag, findTagWithCount, listTagsWithCounts, mergeTags, type TagAdminInput, type TagListItem, updateTag,
} from './tag-admin.js';
export { type TermDeps } from './term-input.js';
export {
  canEditPost, canViewPost, isOwnPost, mayAskForReview, mayManageTrash, mayPublish, seesAllPosts,
  type PostAccessFacts, type PostActor,
} from './access.js';
export { ADMIN_STATUS_FILTERS, listPostLanguages, listPostsForAdmin, type AdminPostFilter, type AdminPostSummary, type AdminStatusFilter } from './admin-list.js';
export { loadEditorChoices, loadPostForEditing, type EditablePost, type EditorChoices } from './admin-edit.js';
export { savePost, type SaveAction, type SaveConflict, type SavePostRequest, type SavePostResult } from './editing.js';
export { localInputToUtc, utcToLocalInput } from './local-time.js';
export { loadPostState, type PostState } from './post-state.js';
export { previewInput, previewStoredPost } from './preview.js';
export { deletePostForGood, publishDuePosts, restorePost, trashPost, unpublishPost, type PostServiceDeps } from './publishing.js';
export { compareRevisions, type DiffLine, type FieldDiff } from './revision-diff.js';
export { autosavePost, restoreRevision } from './revision-restore.js';
export { findRevision, latestRevision, listRevisions, pendingAutosave, type Revision, type RevisionSummary } from './revisions.js';
export {
  changePosts, countVisiblePosts, findMonthWithVisiblePosts, listMonthCounts, type MonthCountFilter, type MonthPostCount,
} from './month-counts.js';
