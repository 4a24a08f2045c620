import { html, type SafeHtml } from '../../../../lib/html.js';
import type { PostStatus } from '../../../../storage/schema.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "15 June 2026, 14:00" in the site's time zone, in a `<time>` element. */
export function when(instant: string, timeZone: string): SafeHtml {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone });
    formats.set(timeZone, format);
  }
  return html`<time datetime="${instant}">${format.format(new Date(instant))}</time>`;
}

const STATUS_LABELS: Record<PostStatus | 'trash' | 'review', string> = {
  draft: 'Draft',
  review: 'Waiting for review',
  scheduled: 'Scheduled',
  published: 'Published',
  trash: 'In the trash',
};

/** The status badge of a post: trash first, then a draft waiting for review, then its status. */
export function statusBadge(post: { status: PostStatus; deletedAt: string | null; reviewRequestedAt: string | null }): SafeHtml {
  const key = post.deletedAt ? 'trash' : post.status === 'draft' && post.reviewRequestedAt ? 'review' : post.status;
  return html`<span class="status status-${key}">${STATUS_LABELS[key]}</span>`;
}
