import { pad2 } from '../../lib/dates.js';

/** The public path of a post: `/2025/01/slug/` (WordPress style, local date of publication). */
export function postPath(post: { local_year: number | null; local_month: number | null; slug: string }): string {
  if (post.local_year === null || post.local_month === null) return `/?p=${encodeURIComponent(post.slug)}`;
  return `/${post.local_year}/${pad2(post.local_month)}/${post.slug}/`;
}

export const categoryPath = (slug: string): string => `/category/${slug}/`;
export const tagPath = (slug: string): string => `/tag/${slug}/`;
export const authorPath = (slug: string): string => `/author/${slug}/`;
export const pagePath = (slug: string): string => `/${slug}/`;
