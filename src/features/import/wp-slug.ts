import { isSlug, slugify } from '../../lib/slug.js';

/**
 * A Broadside slug for a WordPress one. WordPress keeps non-Latin slugs percent-encoded
 * (`%d0%bf%d1%80…`): they are decoded, then transliterated. Returns '' when nothing is left
 * (callers fall back to the title or the id).
 */
export function fromWpSlug(wpSlug: string): string {
  let decoded = wpSlug.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Not percent-encoded after all: use it as it is.
  }
  return isSlug(decoded) ? decoded : slugify(decoded);
}

/** The decoded form of a WordPress slug, as it appeared in the old site's addresses. */
export function decodedWpSlug(wpSlug: string): string {
  try {
    return decodeURIComponent(wpSlug.trim());
  } catch {
    return wpSlug.trim();
  }
}
