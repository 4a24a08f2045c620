import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types of the Broadside database. Timestamps are ISO 8601 UTC strings
 * (`2025-01-31T23:30:00.000Z`) on both databases: they sort as text, read the same from
 * SQLite and PostgreSQL, and never pass through a driver's time-zone conversion.
 * Booleans are integers 0/1 for the same reason.
 */
export interface DB {
  settings: SettingsTable;
  users: UsersTable;
  authors: AuthorsTable;
  categories: CategoriesTable;
  tags: TagsTable;
  posts: PostsTable;
  post_authors: PostAuthorsTable;
  post_categories: PostCategoriesTable;
  post_tags: PostTagsTable;
  pages: PagesTable;
  redirects: RedirectsTable;
}

export type Timestamp = string;

export interface SettingsTable {
  key: string;
  /** JSON-encoded value; `features/site/settings.ts` owns the schema. */
  value: string;
}

export type Role = 'admin' | 'editor' | 'author' | 'contributor';

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased; private. */
  email: string;
  name: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash`, see lib/password.ts. */
  password_hash: string;
  author_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  parent_id: number | null;
  created_at: Timestamp;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: Timestamp;
}

export type PostStatus = 'draft' | 'scheduled' | 'published';
export type CommentStatus = 'open' | 'closed';

export interface PostsTable {
  id: Generated<number>;
  /** Never changes, even when the slug or date does; feeds use it as the entry id. */
  guid: string;
  slug: string;
  title: string;
  standfirst: string;
  body_md: string;
  /** Rendered and sanitised when saved. */
  body_html: string;
  postscript_md: string;
  postscript_html: string;
  status: PostStatus;
  /** UTC; null for a draft never scheduled. */
  published_at: Timestamp | null;
  /** Date parts of published_at in the site time zone, for archives and URLs. */
  local_year: number | null;
  local_month: number | null;
  local_day: number | null;
  language: string;
  /** Shared by the versions of one article in several languages. */
  translation_group: string | null;
  comment_status: CommentStatus;
  featured_image_url: string;
  featured_image_alt: string;
  featured_image_caption: string;
  sticky: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set when the post is in the trash. */
  deleted_at: Timestamp | null;
}

export interface PostAuthorsTable {
  post_id: number;
  author_id: number;
  position: number;
}

export interface PostCategoriesTable {
  post_id: number;
  category_id: number;
}

export interface PostTagsTable {
  post_id: number;
  tag_id: number;
}

export type PageStatus = 'draft' | 'published';

export interface PagesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  body_md: string;
  body_html: string;
  status: PageStatus;
  language: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RedirectsTable {
  id: Generated<number>;
  /** Path only, always with a trailing slash for content URLs, e.g. `/2024/03/old-slug/`. */
  from_path: string;
  to_path: string;
  status_code: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export type PostRow = Selectable<PostsTable>;
export type NewPostRow = Insertable<PostsTable>;
export type PostUpdate = Updateable<PostsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type TagRow = Selectable<TagsTable>;
export type PageRow = Selectable<PagesTable>;
export type UserRow = Selectable<UsersTable>;
