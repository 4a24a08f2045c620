import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { listAudit } from '../../audit/index.js';
import { loadSettings } from '../../site/index.js';
import { adminFrame, sendPage } from '../context.js';
import { renderAuditLog } from './audit-views.js';
import { guardedSection } from './shared.js';

/** Entries per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

const auditQuery = z.object({
  action: z.string().max(200).default(''),
  page: z.string().default('1'),
});

const ACTION_PREFIX = /^[a-z_.]{0,50}$/;

/** /admin/audit, for admins: the log newest first, paginated, filtered by action prefix. */
export const auditSection = guardedSection('audit.view', (app, deps) => {
  app.get('/admin/audit', async (request, reply) => {
    const query = auditQuery.safeParse(request.query);
    if (!query.success || !/^[1-9]\d{0,5}$/.test(query.data.page)) throw new AppError('NOT_FOUND');
    const typed = query.data.action.trim();
    const action = ACTION_PREFIX.test(typed) ? typed : '';
    const page = Number(query.data.page);
    const [rows, settings] = await Promise.all([
      listAudit(deps.db, { limit: AUDIT_PAGE_SIZE + 1, offset: (page - 1) * AUDIT_PAGE_SIZE, action }),
      loadSettings(deps.db),
    ]);
    const state = {
      values: { action: typed },
      errors: { action: action === typed ? undefined : 'Use lowercase letters, dots and underscores, like user. or post.publish' },
    };
    const log = { rows: rows.slice(0, AUDIT_PAGE_SIZE), page, hasOlder: rows.length > AUDIT_PAGE_SIZE, action, timeZone: settings.timeZone };
    return sendPage(reply, renderAuditLog(await adminFrame(deps, request, reply), state, log), action === typed ? 200 : 422);
  });
});
