/**
 * Dependency tags: what a cached response shows, named so that a change can drop exactly the
 * responses that show it. A route collects them for its request (see `pageTags`) and passes the
 * collector explicitly to whatever renders; services name the same tags when they change
 * something (see invalidator.ts).
 */

/** Collects the tags of one response. Adding the first tag makes the response cacheable. */
export interface TagCollector {
  add(...tags: string[]): void;
}

/** Drops every cached page: a change whose reach cannot be named (time zone, bulk import). */
export const EVERYTHING = '*';

/** Tags every public page carries without asking: the settings and, on HTML, the frame. */
export const SETTINGS = 'settings';
export const SIDEBAR = 'sidebar';
export const MENU = 'menu';

export const HOME = 'home';
export const FEED = 'feed';
export const COMMENT_FEED = 'comment-feed';
export const SITEMAP = 'sitemap';
/** The donation appeals every HTML page's frame may show (a drive's progress is `drive:N`). */
export const APPEALS = 'appeals';

export const postTag = (id: number) => `post:${id}`;
/** The approved comments of a post: its thread and every teaser showing its count. */
export const commentsTag = (id: number) => `comments:${id}`;
/** A page showing the post's comment thread (personal to a reader with pending comments). */
export const threadTag = (id: number) => `thread:${id}`;
export const pageTag = (slug: string) => `page:${slug}`;
export const categoryTag = (id: number) => `category:${id}`;
export const termTag = (id: number) => `tag:${id}`;
export const authorTag = (id: number) => `author:${id}`;
export const driveTag = (id: number) => `drive:${id}`;

const pad = (n: number) => String(n).padStart(2, '0');
export const yearTag = (year: number) => `year:${year}`;
export const monthTag = (year: number, month: number) => `month:${year}-${pad(month)}`;
export const dayTag = (year: number, month: number, day: number) => `day:${year}-${pad(month)}-${pad(day)}`;

/** The tags of a date archive page (year, month or day). */
export function dateArchiveTag(date: { year: number; month?: number | undefined; day?: number | undefined }): string {
  if (date.month === undefined) return yearTag(date.year);
  return date.day === undefined ? monthTag(date.year, date.month) : dayTag(date.year, date.month, date.day);
}

/** A collector that keeps nothing, for renders outside a request (tests, CLI). */
export const NO_TAGS: TagCollector = { add: () => {} };

/** The tags of a list of post teasers: each post (title, standfirst) and its comment count. */
export function teaserTags(posts: readonly { id: number }[]): string[] {
  return posts.flatMap((p) => [postTag(p.id), commentsTag(p.id)]);
}
