import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Appeal, createAppeal, deleteAppeal, findAppeal, listAppeals, listDriveChoices, setAppealEnabled, updateAppeal,
} from '../../funding/appeals/index.js';
import { listCategoryTree, listPostLanguages } from '../../posts/index.js';
import { loadSettings } from '../../site/index.js';
import { type AdminDeps, adminFrame, flash, sendPage } from '../context.js';
import type { FieldState } from '../views/forms.js';
import { actorOf, attempt, formBody, guardedSection, orNotFound, routeId } from '../site/shared.js';
import { type AppealForm, appealForm, appealValues, newAppealValues, shownForm, toInput } from './form.js';
import { type AppealChoices, renderAppealDelete, renderAppealForm, renderAppealList } from './views.js';

const LIST = '/admin/appeals';

/** /admin/appeals: donation appeals — list, create, edit, show or hide, delete. Admins only. */
export const appealsSection = guardedSection('appeals.manage', (app, deps) => {
  const load = async (request: FastifyRequest) => orNotFound(await findAppeal(deps.db, routeId(request)));
  const form = async (request: FastifyRequest, reply: FastifyReply, state: FieldState, appeal: Appeal | null, status = 200) =>
    sendPage(reply, renderAppealForm(await adminFrame(deps, request, reply), state, await loadChoices(deps), appeal), status);

  app.get(LIST, async (request, reply) => {
    const [appeals, settings] = await Promise.all([listAppeals(deps.db), loadSettings(deps.db)]);
    return sendPage(reply, renderAppealList(await adminFrame(deps, request, reply), appeals, settings.timeZone));
  });

  app.get(`${LIST}/new`, async (request, reply) => {
    const settings = await loadSettings(deps.db);
    return form(request, reply, { values: newAppealValues(settings.defaultLanguage), errors: {} }, null);
  });

  app.post(`${LIST}/new`, async (request, reply) => {
    const sent: AppealForm = formBody(appealForm, request.body);
    const result = await attempt(() => createAppeal(deps, toInput(sent), actorOf(request)));
    if (!result.ok) return form(request, reply, { values: shownForm(sent), errors: result.errors }, null, 422);
    flash(reply, `Appeal “${sent.title.trim()}” created.`);
    return reply.redirect(LIST, 303);
  });

  app.get(`${LIST}/:id`, async (request, reply) => {
    const appeal = await load(request);
    const settings = await loadSettings(deps.db);
    return form(request, reply, { values: appealValues(appeal, settings.timeZone), errors: {} }, appeal);
  });

  app.post(`${LIST}/:id`, async (request, reply) => {
    const appeal = await load(request);
    const sent: AppealForm = formBody(appealForm, request.body);
    const result = await attempt(() => updateAppeal(deps, appeal.id, toInput(sent), actorOf(request)));
    if (!result.ok) return form(request, reply, { values: shownForm(sent), errors: result.errors }, appeal, 422);
    flash(reply, 'Appeal saved.');
    return reply.redirect(LIST, 303);
  });

  for (const [action, enabled] of [['enable', true], ['disable', false]] as const) {
    app.post(`${LIST}/:id/${action}`, async (request, reply) => {
      const appeal = await load(request);
      await setAppealEnabled(deps, appeal.id, enabled, actorOf(request));
      flash(reply, `Appeal “${appeal.title}” ${enabled ? 'shown to readers' : 'hidden'}.`);
      return reply.redirect(LIST, 303);
    });
  }

  app.get(`${LIST}/:id/delete`, async (request, reply) => {
    return sendPage(reply, renderAppealDelete(await adminFrame(deps, request, reply), await load(request)));
  });

  app.post(`${LIST}/:id/delete`, async (request, reply) => {
    const appeal = await load(request);
    await deleteAppeal(deps, appeal.id, actorOf(request));
    flash(reply, `Appeal “${appeal.title}” deleted.`);
    return reply.redirect(LIST, 303);
  });
});

async function loadChoices(deps: AdminDeps): Promise<AppealChoices> {
  const [settings, tree, languages, drives] = await Promise.all([
    loadSettings(deps.db), listCategoryTree(deps.db), listPostLanguages(deps.db), listDriveChoices(deps.db),
  ]);
  return {
    languages: [...new Set([settings.defaultLanguage, ...languages])].sort(),
    categories: tree.map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
    drives,
    timeZone: settings.timeZone,
  };
}
