import type { LiveAppeal, Placement } from './model.js';

/** What a page tells the appeals about itself: its language, and an article's categories. */
export interface PageFacts {
  language: string;
  /** An article's category slugs; only the `article` placement looks at them. */
  categories?: readonly { slug: string }[];
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;

/** True when an appeal for `language` (`ru`) covers a page in `page` (`ru` or `ru-RU`). */
function sameLanguage(appealLanguage: string, page: string): boolean {
  return appealLanguage.includes('-') ? appealLanguage.toLowerCase() === page.toLowerCase() : primary(appealLanguage) === primary(page);
}

/**
 * The appeals of `live` (already enabled and within their dates) to show at `placement` on a
 * page: those placed there, for the page's language (or every language), and after an article
 * only those for one of its categories (or every category). Order kept.
 */
export function appealsFor(live: readonly LiveAppeal[], placement: Placement, page: PageFacts): LiveAppeal[] {
  return live.filter((appeal) => {
    if (!appeal.placements.includes(placement)) return false;
    if (appeal.languages.length && !appeal.languages.some((l) => sameLanguage(l, page.language))) return false;
    if (placement !== 'article' || appeal.categorySlugs === null) return true;
    const slugs = new Set((page.categories ?? []).map((c) => c.slug));
    return appeal.categorySlugs.some((s) => slugs.has(s));
  });
}
