import type { PostStatus } from '../../storage/schema.js';
import type { WxrItem } from './wxr-records.js';

/** How a WordPress status becomes a Broadside one. Never public unless WordPress showed it to everyone. */
export interface ItemState {
  status: PostStatus;
  /** It was in WordPress's trash. */
  trash: boolean;
  /** It was waiting for an editor ("pending review"). */
  review: boolean;
  /** It had a date readers knew (published, scheduled, private…), to keep. */
  dated: boolean;
  /** Why it is less public than it was, for the summary. */
  warning?: string;
}

/** The state of a post or page; null for statuses that are not content (auto-draft, inherit). */
export function itemState(item: WxrItem): ItemState | null {
  const locked = item.password !== '';
  const hidden = (why: string): ItemState => ({ status: 'draft', trash: false, review: false, dated: true, warning: `${why}: imported unpublished` });
  switch (item.status) {
    case 'publish':
      return locked ? hidden('password-protected') : { status: 'published', trash: false, review: false, dated: true };
    case 'future':
      return locked ? hidden('password-protected') : { status: 'scheduled', trash: false, review: false, dated: true };
    case 'private':
      return hidden('private');
    case 'draft':
      return { status: 'draft', trash: false, review: false, dated: false };
    case 'pending':
      return { status: 'draft', trash: false, review: true, dated: false };
    case 'trash':
      return { status: 'draft', trash: true, review: false, dated: true };
    default:
      return null;
  }
}
