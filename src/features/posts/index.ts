export { postInputSchema, type PostInput } from './input.js';
export { authorPath, categoryPath, pagePath, postPath, tagPath } from './paths.js';
export { adjacentPosts, findPublishedPost, listPublished, type PostSummary, type PublishedPost } from './read.js';
export { postsRoutes } from './routes.js';
export { ensureTags, upsertAuthor, upsertCategory } from './taxonomy.js';
export { commentSlots, postList, renderArticle } from './views.js';
export { createPost, recomputeLocalDates, updatePost, type PostWriteDeps } from './write.js';
export {
  type CategoryAdminInput, type CategoryDeletion, type CategoryNode, createCategory, deleteCategory, listCategoryTree, updateCategory,
} from './category-admin.js';
export { type TermDeps } from './term-input.js';
export { createTag, deleteTag, listTagsWithCounts, mergeTags, type TagAdminInput, type TagListItem, updateTag } from './tag-admin.js';
export {
  type AuthorAdminInput, type AuthorDeletion, type AuthorListItem, createAuthor, deleteAuthor, listAuthorsWithCounts, updateAuthor,
} from './author-admin.js';
