import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import type { Settings } from '../site/index.js';
import { cdata, cdataElement, element, escapeXml } from './wxr-xml.js';

/** A category or tag as items refer to it. */
export interface WxrTerm {
  slug: string;
  name: string;
}

/** The terms every item refers to, by id; loaded once (sites have hundreds, not millions). */
export interface WxrTerms {
  categories: Map<number, WxrTerm>;
  tags: Map<number, WxrTerm>;
  /** Author slug by id: the `wp:author_login` an item's `dc:creator` names. */
  authors: Map<number, string>;
}

export const WXR_NAMESPACES =
  'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
  'xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"';

/** The start of the document up to and including the channel's own elements. */
export function channelHead(settings: Settings): string {
  const base = settings.baseUrl.replace(/\/+$/, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" ${WXR_NAMESPACES}>`,
    '<channel>',
    element('title', settings.title),
    element('link', base),
    element('description', settings.tagline),
    element('language', settings.defaultLanguage),
    element('wp:wxr_version', '1.2'),
    element('wp:base_site_url', base),
    element('wp:base_blog_url', base),
    '',
  ].join('\n');
}

/**
 * `wp:author` (bylines, with the email of the user who writes as the author when there is one),
 * `wp:category` with nicename and parent nicename, parents first, and `wp:tag`. Returns the
 * XML and the terms by id.
 */
export async function channelTerms(db: Kysely<DB>): Promise<{ xml: string; terms: WxrTerms }> {
  const authors = await db
    .selectFrom('authors')
    .leftJoin('users', 'users.author_id', 'authors.id')
    .select(['authors.id', 'authors.slug', 'authors.name', 'users.email'])
    .orderBy('authors.id')
    .orderBy('users.id')
    .execute();
  const categories = await db.selectFrom('categories').select(['id', 'slug', 'name', 'description', 'parent_id']).orderBy('id').execute();
  const tags = await db.selectFrom('tags').select(['id', 'slug', 'name']).orderBy('id').execute();
  const terms: WxrTerms = { categories: new Map(), tags: new Map(), authors: new Map() };
  const out: string[] = [];
  for (const a of authors) {
    if (terms.authors.has(a.id)) continue;
    terms.authors.set(a.id, a.slug);
    out.push(
      `<wp:author>${element('wp:author_id', a.id)}${cdataElement('wp:author_login', a.slug)}${cdataElement('wp:author_email', a.email ?? '')}` +
        `${cdataElement('wp:author_display_name', a.name)}${cdataElement('wp:author_first_name', '')}${cdataElement('wp:author_last_name', '')}</wp:author>`,
    );
  }
  for (const c of categories) terms.categories.set(c.id, { slug: c.slug, name: c.name });
  for (const c of parentsFirst(categories)) {
    const parent = c.parent_id === null ? '' : (terms.categories.get(c.parent_id)?.slug ?? '');
    out.push(
      `<wp:category>${element('wp:term_id', c.id)}${cdataElement('wp:category_nicename', c.slug)}${cdataElement('wp:category_parent', parent)}` +
        `${cdataElement('wp:cat_name', c.name)}${cdataElement('wp:category_description', c.description)}</wp:category>`,
    );
  }
  for (const t of tags) {
    terms.tags.set(t.id, { slug: t.slug, name: t.name });
    out.push(`<wp:tag>${element('wp:term_id', t.id)}${cdataElement('wp:tag_slug', t.slug)}${cdataElement('wp:tag_name', t.name)}</wp:tag>`);
  }
  out.push(element('generator', 'Broadside'), '');
  return { xml: out.join('\n'), terms };
}

/** `<category domain=… nicename=…>` of an item. */
export function itemTerm(domain: 'category' | 'post_tag', term: WxrTerm): string {
  return `<category domain="${domain}" nicename="${escapeXml(term.slug)}">${cdata(term.name)}</category>`;
}

/** Categories ordered so that each comes after its parent (WordPress creates them in file order). */
function parentsFirst<T extends { id: number; parent_id: number | null }>(rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const done = new Set<number>();
  const out: T[] = [];
  const visit = (row: T, path: Set<number>) => {
    if (done.has(row.id) || path.has(row.id)) return;
    path.add(row.id);
    const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
    if (parent) visit(parent, path);
    done.add(row.id);
    out.push(row);
  };
  for (const row of rows) visit(row, new Set());
  return out;
}
