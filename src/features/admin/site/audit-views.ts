import { html, type SafeHtml } from '../../../lib/html.js';
import type { AuditRow } from '../../audit/index.js';
import { type FieldState, inputField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { screen, timeIn } from './ui.js';

export interface AuditPage {
  rows: AuditRow[];
  page: number;
  hasOlder: boolean;
  /** The action prefix in force ('' for all). */
  action: string;
  timeZone: string;
}

const FAMILIES = ['user.', 'post.', 'page.', 'category.', 'tag.', 'author.', 'settings.'];

/** Where a subject (`page:12`) is managed in the admin, when it has a screen. */
const SUBJECT_PATHS: Record<string, (id: string) => string> = {
  post: (id) => `/admin/posts/${id}`,
  page: (id) => `/admin/pages/${id}`,
  category: (id) => `/admin/categories/${id}`,
  tag: (id) => `/admin/tags/${id}`,
  author: (id) => `/admin/authors/${id}`,
  user: (id) => `/admin/users/${id}`,
};

function subject(value: string): SafeHtml {
  const [kind = '', id = ''] = value.split(':');
  const path = SUBJECT_PATHS[kind];
  return path && /^\d+$/.test(id) ? html`<a href="${path(id)}">${value}</a>` : html`${value}`;
}

function details(values: Record<string, unknown>): SafeHtml {
  const entries = Object.entries(values);
  if (entries.length === 0) return html``;
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return html`<dl class="details">${entries.map(([k, v]) => html`<dt>${k}</dt><dd>${show(v)}</dd>`)}</dl>`;
}

const pageLink = (page: number, action: string) => {
  const query = new URLSearchParams({ ...(action ? { action } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
  return `/admin/audit${query ? `?${query}` : ''}`;
};

/** The audit log, newest first: who did what, when (in the site's time zone), to what. */
export function renderAuditLog(frame: AdminFrame, state: FieldState, log: AuditPage): string {
  return screen(
    frame,
    { title: 'Audit log', current: '/admin/audit' },
    html`<form method="get" action="/admin/audit" class="filters">
${inputField('action', 'Action starts with', state, { type: 'search', maxlength: 50, hint: 'For example user. or post.publish' })}
<div class="actions"><button type="submit">Filter</button></div>
</form>
<p class="quick-filters">Show: <a href="/admin/audit">everything</a>${FAMILIES.map((f) => html` · <a href="${pageLink(1, f)}">${f.slice(0, -1)}</a>`)}</p>
${log.rows.length === 0
  ? html`<p>Nothing recorded${log.action ? html` for actions starting with “${log.action}”` : ''}${log.page > 1 ? ' on this page' : ''}.</p>`
  : html`<table class="list audit">
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Subject</th><th scope="col">Details</th></tr></thead>
<tbody>
${log.rows.map((r) => html`<tr><td>${timeIn(r.at, log.timeZone)}</td><td>${r.actor || '—'}</td><td><code>${r.action}</code></td><td>${subject(r.subject)}</td><td>${details(r.details)}</td></tr>`)}
</tbody>
</table>`}
<nav class="pager" aria-label="Audit log pages">
${log.page > 1 ? html`<a href="${pageLink(log.page - 1, log.action)}" rel="prev">Newer</a>` : ''}
<span>Page ${log.page}</span>
${log.hasOlder ? html`<a href="${pageLink(log.page + 1, log.action)}" rel="next">Older</a>` : ''}
</nav>`,
  );
}
