import { html, type SafeHtml } from '../../../lib/html.js';
import { can, type Permission } from '../../accounts/permissions.js';
import type { SignedInUser } from '../../accounts/sessions.js';
import { csrfField } from './forms.js';

export interface AdminFrame {
  siteTitle: string;
  stylesheet: string;
  script: string;
  /** Null on the sign-in and password-reset pages. */
  user: SignedInUser | null;
  csrfToken: string;
  /** One-off message after a redirect ("Post published."). */
  notice?: string;
}

const SECTIONS: { path: string; label: string; permission: Permission }[] = [
  { path: '/admin/posts', label: 'Posts', permission: 'posts.write_own' },
  { path: '/admin/pages', label: 'Pages', permission: 'pages.manage' },
  { path: '/admin/comments', label: 'Comments', permission: 'comments.moderate' },
  { path: '/admin/categories', label: 'Categories', permission: 'taxonomy.manage' },
  { path: '/admin/tags', label: 'Tags', permission: 'taxonomy.manage' },
  { path: '/admin/authors', label: 'Authors', permission: 'taxonomy.manage' },
  { path: '/admin/users', label: 'Users', permission: 'users.manage' },
  { path: '/admin/settings', label: 'Settings', permission: 'settings.manage' },
  { path: '/admin/audit', label: 'Audit log', permission: 'audit.view' },
  { path: '/admin/appeals', label: 'Appeals', permission: 'appeals.manage' },
  { path: '/admin/funding', label: 'Funding', permission: 'funding.manage' },
  { path: '/admin/import', label: 'Import', permission: 'site.import' },
];

/**
 * The admin's HTML document: header with the sections this user may use, then `main`. With
 * `refreshSeconds`, the page reloads itself after that long (a page watching work in progress,
 * without JavaScript).
 */
export function adminLayout(frame: AdminFrame, title: string, main: SafeHtml, current = '', options: { refreshSeconds?: number } = {}): string {
  const user = frame.user;
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${String(options.refreshSeconds)}">
` : ''}<title>${title} — ${frame.siteTitle} admin</title>
<link rel="stylesheet" href="${frame.stylesheet}">
<script src="${frame.script}" defer></script>
</head>
<body class="admin">
<a class="skip" href="#content">Skip to content</a>
<header class="admin-header">
<p class="admin-site"><a href="/admin/">${frame.siteTitle}</a> <a class="view-site" href="/">View site</a></p>
${user ? html`<nav aria-label="Admin sections"><ul>
${SECTIONS.filter((s) => can(user.role, s.permission)).map(
  (s) => html`<li><a href="${s.path}"${current === s.path ? html` aria-current="page"` : ''}>${s.label}</a></li>`,
)}
</ul></nav>
<div class="account">
<a href="/admin/account">${user.name}</a> <span class="role">(${user.role})</span>
<form method="post" action="/admin/sign-out">${csrfField(frame.csrfToken)}<button type="submit" class="link">Sign out</button></form>
</div>` : ''}
</header>
<main id="content">
${frame.notice ? html`<p class="notice" role="status">${frame.notice}</p>` : ''}
${main}
</main>
</body>
</html>`}\n`;
}
