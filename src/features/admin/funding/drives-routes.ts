import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { adminCreateDrive, adminDeleteDrive, adminUpdateDrive, type DriveInput, type DriveRow, findDrive, listDrives, minorToDecimal, parseAmount } from '../../funding/index.js';
import { adminFrame, type AdminDeps, flash, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { actorOf, attempt, formBody, orNotFound, routeId, text } from '../site/shared.js';
import { renderDriveForm, renderDriveList } from './drives-views.js';

const driveForm = z.object({ title: text(1000), slug: text(300), description: text(40_000), target: text(40), currency: text(10), starts: text(20), ends: text(20) });
type DriveForm = z.infer<typeof driveForm>;

const day = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && !Number.isNaN(Date.parse(`${value.trim()}T00:00:00Z`)) ? `${value.trim()}T00:00:00.000Z` : value);

/** The form as the drive service's input; unreadable amounts become NaN so the service names the field. */
function toInput(form: DriveForm): DriveInput {
  const currency = form.currency.trim().toUpperCase();
  return {
    title: form.title, slug: form.slug.trim(), description: form.description, currency,
    targetMinor: parseAmount(form.target, currency) ?? Number.NaN, startsAt: day(form.starts), endsAt: form.ends.trim() ? day(form.ends) : null,
  };
}

const formOf = (d: DriveRow): DriveForm => ({
  title: d.title, slug: d.slug, description: d.description, target: minorToDecimal(d.target_minor, d.currency), currency: d.currency,
  starts: d.starts_at.slice(0, 10), ends: d.ends_at?.slice(0, 10) ?? '',
});

/** Field errors keyed as the form names them. */
const formErrors = (errors: Record<string, string>) => ({
  ...errors, ...(errors.targetMinor ? { target: errors.targetMinor } : {}), ...(errors.startsAt ? { starts: errors.startsAt } : {}), ...(errors.endsAt ? { ends: errors.endsAt } : {}),
});

/** /admin/funding/drives: create, edit and delete fundraising drives. */
export function registerDriveRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/admin/funding/drives', async (request, reply) => sendPage(reply, renderDriveList(await adminFrame(deps, request, reply), await listDrives(deps.db))));

  app.get('/admin/funding/drives/new', async (request, reply) =>
    sendPage(reply, renderDriveForm(await adminFrame(deps, request, reply), emptyForm({ currency: 'EUR', starts: deps.clock.now().toISOString().slice(0, 10) }), null)));

  app.post('/admin/funding/drives/new', async (request, reply) => {
    const form = formBody(driveForm, request.body);
    const result = await attempt(() => adminCreateDrive(deps, toInput(form), actorOf(request)));
    if (!result.ok) return sendPage(reply, renderDriveForm(await adminFrame(deps, request, reply), { values: form, errors: formErrors(result.errors) }, null), 422);
    flash(reply, `Drive “${result.value.title}” created.`);
    return reply.redirect('/admin/funding/drives', 303);
  });

  app.get('/admin/funding/drives/:id', async (request, reply) => {
    const drive = orNotFound(await findDrive(deps.db, routeId(request)));
    return sendPage(reply, renderDriveForm(await adminFrame(deps, request, reply), emptyForm(formOf(drive)), drive));
  });

  app.post('/admin/funding/drives/:id', async (request, reply) => {
    const drive = orNotFound(await findDrive(deps.db, routeId(request)));
    const form = formBody(driveForm, request.body);
    const result = await attempt(() => adminUpdateDrive(deps, drive.id, toInput(form), actorOf(request)));
    if (!result.ok) return sendPage(reply, renderDriveForm(await adminFrame(deps, request, reply), { values: form, errors: formErrors(result.errors) }, drive), 422);
    flash(reply, 'Drive saved.');
    return reply.redirect('/admin/funding/drives', 303);
  });

  app.post('/admin/funding/drives/:id/delete', async (request, reply) => {
    const drive = await adminDeleteDrive(deps, routeId(request), actorOf(request));
    flash(reply, `Drive “${drive.title}” deleted.`);
    return reply.redirect('/admin/funding/drives', 303);
  });
}
