import { listAudit } from '../src/features/audit/index.js';
import type { Role } from '../src/storage/schema.js';
import type { DialectName } from '../src/storage/db.js';
import { givenUser, TestBrowser } from './admin.js';
import { buildTestApp, type TestApp } from './helpers.js';

/** The app on a fresh database with a user of `role` signed in, for the admin screens' tests. */
export async function signedIn(dialect: DialectName, role: Role = 'admin'): Promise<{ t: TestApp; browser: TestBrowser; userId: number }> {
  const t = await buildTestApp(dialect);
  const userId = await givenUser(t.ctx, role);
  const browser = new TestBrowser(t.app);
  await browser.signIn(`${role}@lantern.example`);
  return { t, browser, userId };
}

/** The audit entries after sign-in, oldest first, as `action subject details`. */
export async function auditTrail(t: TestApp): Promise<{ action: string; subject: string; actor: string; details: Record<string, unknown> }[]> {
  const rows = await listAudit(t.ctx.database.db, { limit: 1000 });
  return rows
    .filter((r) => r.action !== 'user.sign_in')
    .reverse()
    .map((r) => ({ action: r.action, subject: r.subject, actor: r.actor, details: r.details }));
}
