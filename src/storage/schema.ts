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
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  password_resets: PasswordResetsTable;
  audit_log: AuditLogTable;
  post_revisions: PostRevisionsTable;
  jobs: JobsTable;
  outbox: OutboxTable;
  comments: CommentsTable;
  comment_blocks: CommentBlocksTable;
  media: MediaTable;
  import_map: ImportMapTable;
  import_runs: ImportRunsTable;
  donation_drives: DonationDrivesTable;
  donations: DonationsTable;
  stripe_events: StripeEventsTable;
  appeals: AppealsTable;
  appeal_categories: AppealCategoriesTable;
  archive_months: ArchiveMonthsTable;
  term_counts: TermCountsTable;
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
  /** Base32 TOTP secret when two-factor sign-in is on. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  disabled_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  password_changed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
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
  /** The user who wrote it (no foreign key; see migration 0004). */
  created_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** When an author asked an editor to publish it; cleared when it is published. */
  review_requested_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
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

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** Absolute expiry; idle expiry is computed from last_seen_at. */
  expires_at: Timestamp;
  user_agent: ColumnType<string, string | undefined, string>;
}

/** Fixed-window counters shared by every app process (sign-ins, comments…). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  window_start: Timestamp;
  blocked_until: Timestamp | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  /** Name or email at the time, kept when the user is deleted. */
  actor: ColumnType<string, string | undefined, string>;
  /** e.g. `post.publish`, `user.sign_in`, `user.role_change`. */
  action: string;
  /** e.g. `post:12`. */
  subject: ColumnType<string, string | undefined, string>;
  /** JSON object. */
  details: ColumnType<string, string | undefined, string>;
}

export interface PostRevisionsTable {
  id: Generated<number>;
  post_id: number;
  user_id: number | null;
  created_at: Timestamp;
  title: string;
  /** JSON of the post input at that save. */
  snapshot: string;
  kind: ColumnType<RevisionKind, RevisionKind | undefined, RevisionKind>;
}

/** `save`: a save; `restore`: an older revision brought back; `autosave`: stored while typing, post unchanged. */
export type RevisionKind = 'save' | 'restore' | 'autosave';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/** Scheduled work; a worker claims a due job by setting a lease (locked_until). */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  run_at: Timestamp;
  payload: ColumnType<string, string | undefined, string>;
  /** At most one job per key (e.g. `publish:post:12`). */
  unique_key: string | null;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** Side effects to deliver (mail), written in the transaction that causes them. */
export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  /** Delivering twice for the same key is impossible: the insert is ignored. */
  idempotency_key: string;
  payload: string;
  created_at: Timestamp;
  next_attempt_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  sent_at: Timestamp | null;
  last_error: string | null;
}

/**
 * Posts per month and language in the site's time zone: published and not in the trash,
 * whatever their time (migration 0006). Kept by `features/posts/month-counts.ts` only.
 */
export interface ArchiveMonthsTable {
  language: string;
  year: number;
  month: number;
  posts: number;
}

export type TermKind = 'category' | 'tag' | 'author';

/** Posts per term page and language (migration 0013; see features/posts/term-counts.ts). */
export interface TermCountsTable {
  kind: TermKind;
  term_id: number;
  language: string;
  posts: number;
}

export type PostRow = Selectable<PostsTable>;
export type NewPostRow = Insertable<PostsTable>;
export type PostUpdate = Updateable<PostsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type TagRow = Selectable<TagsTable>;
export type PageRow = Selectable<PagesTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type JobRow = Selectable<JobsTable>;

export type CommentState = 'pending' | 'approved' | 'spam' | 'trash';

/**
 * A reader's comment (features/comments). `author_email`, `ip`, `ip_hash` and `user_agent` are
 * private: public queries never select them. `ip` is erased after the retention period.
 */
export interface CommentsTable {
  id: Generated<number>;
  post_id: number;
  parent_id: number | null;
  /** 1 for a top-level comment, parent's depth + 1 for a reply. */
  depth: ColumnType<number, number | undefined, number>;
  /** The staff user who wrote it from the admin, else null. */
  user_id: ColumnType<number | null, number | null | undefined, number | null>;
  author_name: string;
  author_email: string;
  author_url: ColumnType<string, string | undefined, string>;
  /** Plain text, cleaned of null bytes and bidi controls; rendered at display time. */
  body: string;
  /**
   * `bodyHash(body)` (features/comments), the duplicate check's lookup key (migration 0015); null
   * when not computed (older, imported and staff comments), never a stale value.
   */
  body_hash: ColumnType<number | null, number | null | undefined, number | null>;
  status: CommentState;
  /** Why the rules sent it to spam (honeypot, blocklist…), for moderators. */
  spam_reason: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  approved_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  edited_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** HMAC of the IP under the comment secret; kept for blocks and history. */
  ip_hash: ColumnType<string, string | undefined, string>;
  /** Raw IP, erased by the retention sweep. */
  ip: ColumnType<string | null, string | null | undefined, string | null>;
  user_agent: ColumnType<string, string | undefined, string>;
  notify_replies: ColumnType<number, number | undefined, number>;
  notify_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  notify_confirmed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** `comment`; `pingback` or `trackback` for notices imported from WordPress (migration 0008). */
  kind: ColumnType<CommentKind, CommentKind | undefined, CommentKind>;
}

export type CommentKind = 'comment' | 'pingback' | 'trackback';

export type CommentBlockKind = 'word' | 'email' | 'ip';

/** What sends a comment to spam: a word in it, an email (or `@domain`), an IP (stored as its hash). */
export interface CommentBlocksTable {
  id: Generated<number>;
  kind: CommentBlockKind;
  value: string;
  note: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
}

/** A file the site uses (an imported attachment): its URL, and its copy under the data folder if any. */
export interface MediaTable {
  id: Generated<number>;
  url: string;
  /** Relative to the data folder, when the file was copied in; else null (the URL is remote). */
  file_path: string | null;
  mime_type: ColumnType<string, string | undefined, string>;
  title: ColumnType<string, string | undefined, string>;
  alt: ColumnType<string, string | undefined, string>;
  caption: ColumnType<string, string | undefined, string>;
  parent_post_id: number | null;
  width: number | null;
  height: number | null;
  created_at: Timestamp;
}

/** Which local row an item of an outside source became; makes imports idempotent and resumable. */
export interface ImportMapTable {
  /** e.g. `wordpress:https://example.org`. */
  source: string;
  /** `author`, `category`, `tag`, `post`, `page`, `comment`, `attachment`. */
  kind: string;
  source_id: string;
  local_id: number;
  created_at: Timestamp;
}

export type ImportRunStatus = 'pending' | 'running' | 'done' | 'failed';
export type ImportRunPhase = '' | 'check' | 'import';

/** An import started from the admin and run as a background job. */
export interface ImportRunsTable {
  id: Generated<number>;
  /** `wordpress`. */
  format: string;
  /** The name of the uploaded file, as the admin's browser sent it. */
  file_name: string;
  /** Where the upload was stored, relative to the data folder. */
  file_path: string;
  status: ImportRunStatus;
  bytes_total: ColumnType<number, number | undefined, number>;
  bytes_read: ColumnType<number, number | undefined, number>;
  items_done: ColumnType<number, number | undefined, number>;
  /** `check` (reading the file, nothing written), `import` (writing items), '' before the job starts. */
  phase: ColumnType<ImportRunPhase, ImportRunPhase | undefined, ImportRunPhase>;
  /** Items in the file, once the check pass has counted them (0 before). */
  items_total: ColumnType<number, number | undefined, number>;
  /**
   * JSON of the run's choices and the imports folder holding its file
   * (`{"skipPings":true,"folder":"…"}`), kept so a retry makes the same ones on a process that has the file.
   */
  options: ColumnType<string, string | undefined, string>;
  /** JSON of the import summary (counts per kind, warnings). */
  summary: ColumnType<string, string | undefined, string>;
  error: string | null;
  user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** A fundraising drive (features/funding): a target in one currency between two dates. */
export interface DonationDrivesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Markdown source, and its sanitised HTML rendered when saved. */
  description: ColumnType<string, string | undefined, string>;
  description_html: ColumnType<string, string | undefined, string>;
  /** Integer minor units of `currency` (cents, kopecks). */
  target_minor: number;
  /** ISO 4217, upper case. */
  currency: string;
  starts_at: Timestamp;
  /** Null: open-ended. */
  ends_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DonationKind = 'one-off' | 'monthly';
export type DonationSource = 'stripe' | 'manual';
export type DonationStatus = 'pending' | 'confirmed' | 'refunded' | 'cancelled';

/**
 * One donation: a one-off gift, or one payment of a monthly one (each paid invoice is a row).
 * `donor_email` is private: public queries never select it. `display_name` null = anonymous.
 */
export interface DonationsTable {
  id: Generated<number>;
  amount_minor: number;
  currency: string;
  kind: DonationKind;
  source: DonationSource;
  status: DonationStatus;
  display_name: string | null;
  donor_email: ColumnType<string, string | undefined, string>;
  drive_id: number | null;
  stripe_checkout_session_id: ColumnType<string | null, string | null | undefined, string | null>;
  stripe_payment_intent_id: ColumnType<string | null, string | null | undefined, string | null>;
  stripe_subscription_id: ColumnType<string | null, string | null | undefined, string | null>;
  stripe_customer_id: ColumnType<string | null, string | null | undefined, string | null>;
  stripe_invoice_id: ColumnType<string | null, string | null | undefined, string | null>;
  note: ColumnType<string, string | undefined, string>;
  /** When the gift was made (for a manual entry, the date the admin gives). */
  created_at: Timestamp;
  confirmed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  refunded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** For a monthly donation: when its subscription ended. */
  cancelled_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

/** Stripe webhook events already processed (idempotency): written with their effect. */
export interface StripeEventsTable {
  id: string;
  type: string;
  processed_at: Timestamp;
}

/**
 * A donation appeal (features/funding/appeals). Flags are 0/1. `buttons` is JSON
 * (`{ kind, label, url }[]`); `languages` comma-separated codes, '' for all.
 */
export interface AppealsTable {
  id: Generated<number>;
  title: string;
  /** The language the appeal is written in. */
  language: string;
  /** Markdown source, and its sanitised HTML rendered when saved. */
  body: string;
  body_html: string;
  buttons: string;
  bank_holder: string;
  /** Stored without spaces, upper case; checked with its mod-97 checksum when saved. */
  bank_iban: string;
  bank_bic: string;
  bank_reference: string;
  drive_id: number | null;
  in_article: number;
  in_sidebar: number;
  on_home: number;
  languages: string;
  only_categories: number;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  enabled: number;
  /** Smaller first. */
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppealCategoriesTable {
  appeal_id: number;
  category_id: number;
}
