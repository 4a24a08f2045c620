import type { Role } from '../../storage/schema.js';

/**
 * What each role may do. Every admin route asks `can(role, permission)` on the server;
 * hiding a button is never the only check.
 */
export type Permission =
  | 'posts.write_own'      // create posts and edit one's own drafts
  | 'posts.submit'         // ask an editor to publish one's own post (author)
  | 'posts.edit_any'       // edit anyone's posts, published ones included
  | 'posts.publish'        // publish, schedule, unpublish
  | 'posts.delete'         // trash, restore, delete for good
  | 'pages.manage'
  | 'taxonomy.manage'      // categories, tags, authors
  | 'comments.moderate'
  | 'users.manage'
  | 'settings.manage'
  | 'audit.view'
  | 'appeals.manage'       // donation appeals (admins only: they name where money goes)
  | 'funding.manage'       // drives, the donations ledger (donor emails), manual gifts, Stripe keys: admins only
  | 'site.import';         // upload a WordPress export to import (it creates users' content, authors, redirects)

const GRANTS: Record<Role, readonly Permission[]> = {
  contributor: ['posts.write_own'],
  author: ['posts.write_own', 'posts.submit'],
  editor: ['posts.write_own', 'posts.submit', 'posts.edit_any', 'posts.publish', 'posts.delete', 'pages.manage', 'taxonomy.manage', 'comments.moderate'],
  admin: [
    'posts.write_own', 'posts.submit', 'posts.edit_any', 'posts.publish', 'posts.delete', 'pages.manage',
    'taxonomy.manage', 'comments.moderate', 'users.manage', 'settings.manage', 'audit.view',
    'appeals.manage',
    'funding.manage',
    'site.import',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
