import type { WxrNode } from './wxr-reader.js';

/** Typed records of a WordPress export, built from the reader's nodes. Pure; never throws. */

export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
}

export interface WxrTerm {
  taxonomy: 'category' | 'post_tag';
  termId: string;
  slug: string;
  name: string;
  /** Parent category's slug, or ''. */
  parent: string;
  description: string;
}

export interface WxrComment {
  id: string;
  author: string;
  email: string;
  url: string;
  ip: string;
  date: string;
  dateGmt: string;
  content: string;
  approved: string;
  /** '' or 'comment' for a comment; 'pingback', 'trackback'. */
  type: string;
  parent: string;
}

export interface WxrItem {
  title: string;
  link: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  id: string;
  date: string;
  dateGmt: string;
  commentStatus: string;
  slug: string;
  status: string;
  parent: string;
  type: string;
  password: string;
  sticky: boolean;
  attachmentUrl: string;
  /** `category`/`post_tag` terms by slug (nicename) and name. */
  terms: { taxonomy: string; slug: string; name: string }[];
  meta: Map<string, string>;
  comments: WxrComment[];
}

export type WxrRecord =
  | { kind: 'site'; field: 'link' | 'base_site_url' | 'base_blog_url' | 'wxr_version' | 'language'; value: string }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem }
  | { kind: 'other'; name: string };

const text = (node: WxrNode | undefined): string => node?.text ?? '';

/** The text of each first child by name. */
function fields(node: WxrNode): Map<string, string> {
  const map = new Map<string, string>();
  for (const child of node.children) if (!map.has(child.name)) map.set(child.name, child.text);
  return map;
}

/** Turns one child of `<channel>` into a record. */
export function toRecord(node: WxrNode): WxrRecord {
  const f = fields(node);
  const get = (name: string) => (f.get(name) ?? '').trim();
  switch (node.name) {
    case 'link':
      return { kind: 'site', field: 'link', value: node.text.trim() };
    case 'language':
      return { kind: 'site', field: 'language', value: node.text.trim() };
    case 'wp:base_site_url':
    case 'wp:base_blog_url':
    case 'wp:wxr_version':
      return { kind: 'site', field: node.name.slice(3) as 'base_site_url', value: node.text.trim() };
    case 'wp:author':
      return { kind: 'author', author: { login: get('wp:author_login'), email: get('wp:author_email'), displayName: get('wp:author_display_name') } };
    case 'wp:category':
      return {
        kind: 'term',
        term: { taxonomy: 'category', termId: get('wp:term_id'), slug: get('wp:category_nicename'), name: get('wp:cat_name'), parent: get('wp:category_parent'), description: get('wp:category_description') },
      };
    case 'wp:tag':
      return { kind: 'term', term: { taxonomy: 'post_tag', termId: get('wp:term_id'), slug: get('wp:tag_slug'), name: get('wp:tag_name'), parent: '', description: get('wp:tag_description') } };
    case 'wp:term': {
      const taxonomy = get('wp:term_taxonomy');
      if (taxonomy !== 'category' && taxonomy !== 'post_tag') return { kind: 'other', name: `term:${taxonomy}` };
      return { kind: 'term', term: { taxonomy, termId: get('wp:term_id'), slug: get('wp:term_slug'), name: get('wp:term_name'), parent: get('wp:term_parent'), description: get('wp:term_description') } };
    }
    case 'item':
      return { kind: 'item', item: toItem(node, get) };
    default:
      return { kind: 'other', name: node.name };
  }
}

function toItem(node: WxrNode, get: (name: string) => string): WxrItem {
  const meta = new Map<string, string>();
  const terms: WxrItem['terms'] = [];
  const comments: WxrComment[] = [];
  for (const child of node.children) {
    if (child.name === 'category' && child.attrs.domain) {
      terms.push({ taxonomy: child.attrs.domain, slug: child.attrs.nicename ?? '', name: child.text.trim() });
    } else if (child.name === 'wp:postmeta') {
      const m = fields(child);
      meta.set((m.get('wp:meta_key') ?? '').trim(), m.get('wp:meta_value') ?? '');
    } else if (child.name === 'wp:comment') {
      comments.push(toComment(child));
    }
  }
  return {
    title: get('title'),
    link: get('link'),
    creator: get('dc:creator'),
    guid: get('guid'),
    content: text(node.children.find((c) => c.name === 'content:encoded')),
    excerpt: text(node.children.find((c) => c.name === 'excerpt:encoded')),
    id: get('wp:post_id'),
    date: get('wp:post_date'),
    dateGmt: get('wp:post_date_gmt'),
    commentStatus: get('wp:comment_status'),
    slug: get('wp:post_name'),
    status: get('wp:status'),
    parent: get('wp:post_parent'),
    type: get('wp:post_type') || 'post',
    password: get('wp:post_password'),
    sticky: get('wp:is_sticky') === '1' || get('wp:sticky') === '1',
    attachmentUrl: get('wp:attachment_url'),
    terms,
    meta,
    comments,
  };
}

function toComment(node: WxrNode): WxrComment {
  const f = fields(node);
  const get = (name: string) => (f.get(name) ?? '').trim();
  return {
    id: get('wp:comment_id'),
    author: get('wp:comment_author'),
    email: get('wp:comment_author_email'),
    url: get('wp:comment_author_url'),
    ip: get('wp:comment_author_IP'),
    date: get('wp:comment_date'),
    dateGmt: get('wp:comment_date_gmt'),
    content: f.get('wp:comment_content') ?? '',
    approved: get('wp:comment_approved'),
    type: get('wp:comment_type'),
    parent: get('wp:comment_parent'),
  };
}
