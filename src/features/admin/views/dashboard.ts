import { html } from '../../../lib/html.js';
import { can } from '../../accounts/permissions.js';
import { adminLayout, type AdminFrame } from './layout.js';

export interface DashboardCounts {
  drafts: number;
  scheduled: number;
  published: number;
}

/** The admin's front page: counts and the next things to do. */
export function renderDashboard(frame: AdminFrame, counts: DashboardCounts): string {
  const user = frame.user!;
  return adminLayout(
    frame,
    'Dashboard',
    html`<h1>Hello, ${user.name}</h1>
<div class="panel">
<p>${counts.published} published · ${counts.scheduled} scheduled · ${counts.drafts} drafts</p>
<p class="actions"><a class="button" href="/admin/posts/new">Write a new post</a> <a class="button secondary" href="/admin/posts">All posts</a>
${can(user.role, 'comments.moderate') ? html`<a class="button secondary" href="/admin/comments">Comments</a>` : ''}</p>
</div>`,
  );
}
