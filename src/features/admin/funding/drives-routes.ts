import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  adminCreateDrive, adminDeleteDrive, adminUpdateDrive, dayEnd, dayStart, type DriveInput, type DriveRow, findDrive, lastDay, listDrives, localDay, minorToDecimal,
  parseAmount,
} from '../../funding/index.js';
import { loadSettings } from '../../site/index.js';
import { adminFrame, type AdminDeps, flash, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { actorOf, attempt, formBody, orNotFound, routeId, text } from '../site/shared.js';
import { renderDriveForm, renderDriveList } from './drives-views.js';

const driveForm = z.object({ title: text(1000), slug: text(300), description: text(40_000), target: text(40), currency: text(10), starts: text(20), ends: text(20) });
type DriveForm = z.infer<typeof driveForm>;

/**
 * The form as the drive service's input. Dates are days of the site's time zone: a drive runs
 * from the start of its first day to the end of its last (the next day's start, exclusive).
 * Unreadable amounts become NaN and unreadable days stay as typed, so the service names the field.
 */
function toInput(form: DriveForm, timeZone: string): DriveInput {
  const currency = form.currency.trim().toUpperCase();
  const ends = form.ends.trim();
  return {
    title: form.title, slug: form.slug.trim(), description: form.description, currency,
    targetMinor: parseAmount(form.target, currency) ?? Number.NaN,
    startsAt: dayStart(form.starts.trim(), timeZone) ?? form.starts, endsAt: ends ? (dayEnd(ends, timeZone) ?? ends) : null,
  };
}

const formOf = (d: DriveRow, timeZone: string): DriveForm => ({
  title: d.title, slug: d.slug, description: d.description, target: minorToDecimal(d.target_minor, d.currency), currency: d.currency,
  starts: localDay(d.starts_at, timeZone), ends: d.ends_at ? lastDay(d.ends_at, timeZone) : '',
});

const siteZone = async (deps: AdminDeps): Promise<string> => (await loadSettings(deps.db)).timeZone;

/** Field errors keyed as the form names them. */
const formErrors = (errors: Record<string, string>) => ({
  ...errors, ...(errors.targetMinor ? { target: errors.targetMinor } : {}), ...(errors.startsAt ? { starts: errors.startsAt } : {}), ...(errors.endsAt ? { ends: errors.endsAt } : {}),
});

/** /admin/funding/drives: create, edit and delete fundraising drives. */
export function registerDriveRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/admin/funding/drives', async (request, reply) =>
    sendPage(reply, renderDriveList(await adminFrame(deps, request, reply), await listDrives(deps.db), await siteZone(deps))));

  app.get('/admin/funding/drives/new', async (request, reply) =>
    sendPage(reply, renderDriveForm(await adminFrame(deps, request, reply), emptyForm({ currency: 'EUR', starts: localDay(deps.clock.now(), await siteZone(deps)) }), null)));

  app.post('/admin/funding/drives/new', async (request, reply) => {
    const form = formBody(driveForm, request.body);
    const timeZone = await siteZone(deps);
    const result = await attempt(() => adminCreateDrive(deps, toInput(form, timeZone), actorOf(request)));
    if (!result.ok) return sendPage(reply, renderDriveForm(await adminFrame(deps, request, reply), { values: form, errors: formErrors(result.errors) }, null), 422);
    flash(reply, `Drive “${result.value.title}” created.`);
    return reply.redirect('/admin/funding/drives', 303);
  });

  app.get('/admin/funding/drives/:id', async (request, reply) => {
    const drive = orNotFound(await findDrive(deps.db, routeId(request)));
    return sendPage(reply, renderDriveForm(await adminFrame(deps, request, reply), emptyForm(formOf(drive, await siteZone(deps))), drive));
  });

  app.post('/admin/funding/drives/:id', async (request, reply) => {
    const drive = orNotFound(await findDrive(deps.db, routeId(request)));
    const form = formBody(driveForm, request.body);
    const timeZone = await siteZone(deps);
    const result = await attempt(() => adminUpdateDrive(deps, drive.id, toInput(form, timeZone), actorOf(request)));
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
