import { raw, type SafeHtml } from '../../lib/html.js';

/**
 * Fragments: a part of many pages that changes on its own, like the sidebar (calendar, monthly
 * archive, appeals), which a newly published post changes on every page. The layout marks it
 * with `markFragment`; the page cache then keeps each page with a hole there and the fragment
 * once, under its name and key (what it depends on besides the database: the sidebar's month
 * and languages), and splices the current fragment in whenever it serves a page. So a change to
 * the sidebar drops the few sidebar fragments, not every page that shows one.
 *
 * A fragment must be the same for every reader (no per-reader form fields).
 */

/** The sidebar's fragment name (the layout marks it, the archive feature renders it). */
export const SIDEBAR_FRAGMENT = 'sidebar';

/** How a feature renders its fragment again for the cache, once the cached one was dropped. */
export interface FragmentSource {
  /** What the fragment depends on (tags.ts), besides the settings and the drives it shows. */
  readonly tags: readonly string[];
  /** The fragment for `key` now, exactly as the layout puts it between the marks; null for a key it does not know. */
  render(key: string): Promise<string | null>;
}

const OPEN = '<!--fragment ';
const CLOSE = '<!--/fragment-->';
const NAME = /^[a-z][a-z-]{0,30}$/;
/** URL-safe characters only: never `>` nor `--`'s end of comment, whatever a key is made of. */
const KEY = /^[A-Za-z0-9%._~/-]{0,200}$/;

/** `body` between the marks the page cache cuts at. Throws Error on a malformed name or key (a bug). */
export function markFragment(name: string, key: string, body: SafeHtml): SafeHtml {
  if (!NAME.test(name) || !KEY.test(key) || key.includes('--')) throw new Error(`not a fragment name and key: ${name} ${key}`);
  return raw(`${OPEN}${name} ${key}-->${body.value}${CLOSE}`);
}

/** A key part made URL-safe for `markFragment` (encodeURIComponent plus `!'()*`). */
export function fragmentKeyPart(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** One marked fragment in a body: its content is `body.slice(start, end)`, the marks stay outside. */
export interface FoundFragment {
  name: string;
  key: string;
  start: number;
  end: number;
}

/**
 * The fragments named `names` marked in `body`, in order, at most one of each: the last mark of
 * each name, since the layout puts fragments after the content (an article quoting a mark
 * could only come before it; sanitised HTML keeps no comments anyway).
 */
export function findFragments(body: string, names: Iterable<string>): FoundFragment[] {
  const found: FoundFragment[] = [];
  for (const name of names) {
    const open = `${OPEN}${name} `;
    const at = body.lastIndexOf(open);
    if (at === -1) continue;
    const keyEnd = body.indexOf('-->', at + open.length);
    if (keyEnd === -1) continue;
    const key = body.slice(at + open.length, keyEnd);
    const end = body.indexOf(CLOSE, keyEnd + 3);
    if (!KEY.test(key) || end === -1) continue;
    found.push({ name, key, start: keyEnd + 3, end });
  }
  found.sort((a, b) => a.start - b.start);
  // Nested or overlapping marks: keep the first.
  return found.filter((f, i) => i === 0 || f.start >= found[i - 1]!.end);
}

/** The page store's key of a fragment (page keys start with `/`). */
export const fragmentStoreKey = (name: string, key: string) => `fragment:${name}:${key}`;
