import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import {
  adminRecordManualDonation, adminRefundManualDonation, auditLedgerExport, dayNoon, ledgerCsv, ledgerFilterSchema, ledgerTotals, listDrives, listLedger,
  loadFundingSettings, localDay, parseAmount,
} from '../../funding/index.js';
import { loadSettings } from '../../site/index.js';
import { adminFrame, type AdminDeps, flash, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { actorOf, attempt, formBody, routeId, text } from '../site/shared.js';
import { CURRENT, renderLedger, renderManualForm } from './ledger-views.js';

const PAGE_SIZE = 100;
const pageQuery = z.object({ page: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number).optional().catch(undefined) });

const manualForm = z.object({
  amount: text(40), currency: text(10), kind: text(20), date: text(20), driveId: text(12), displayName: text(500), email: text(500), note: text(5000),
});

/** The query string of the filters in force, for the CSV link and paging. */
const filterQuery = (filter: Record<string, unknown>): string =>
  new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

/** /admin/funding: the ledger, its CSV export, manual gifts and refunds of them. */
export function registerLedgerRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/admin/funding', async (request, reply) => {
    const filter = ledgerFilterSchema.parse(request.query ?? {});
    const page = pageQuery.parse(request.query ?? {}).page ?? 1;
    const site = await loadSettings(deps.db);
    const [rows, totals, drives, funding] = await Promise.all([
      listLedger(deps.db, filter, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }, site.timeZone), ledgerTotals(deps.db, filter, site.timeZone),
      listDrives(deps.db), loadFundingSettings(deps.db),
    ]);
    const currencies = [...new Set([...funding.currencies, ...totals.byCurrency.map((t) => t.currency), ...drives.map((d) => d.currency)])].sort();
    return sendPage(reply, renderLedger(await adminFrame(deps, request, reply), {
      filter, query: filterQuery(filter), rows: rows.slice(0, PAGE_SIZE), totals, drives, currencies, timeZone: site.timeZone, page, more: rows.length > PAGE_SIZE,
    }));
  });

  app.get('/admin/funding/donations.csv', async (request, reply) => {
    const filter = ledgerFilterSchema.parse(request.query ?? {});
    await auditLedgerExport(deps, filter, actorOf(request));
    const day = deps.clock.now().toISOString().slice(0, 10);
    return reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="donations-${day}.csv"`)
      .type('text/csv; charset=utf-8').send(await ledgerCsv(deps.db, filter, (await loadSettings(deps.db)).timeZone));
  });

  app.get('/admin/funding/manual', async (request, reply) => {
    const [funding, site] = await Promise.all([loadFundingSettings(deps.db), loadSettings(deps.db)]);
    const state = emptyForm({ currency: funding.currencies[0]!, kind: 'one-off', date: localDay(deps.clock.now(), site.timeZone) });
    return sendPage(reply, renderManualForm(await adminFrame(deps, request, reply), state, await listDrives(deps.db)));
  });

  app.post('/admin/funding/manual', async (request, reply) => {
    const form = formBody(manualForm, request.body);
    const currency = form.currency.trim().toUpperCase();
    const amountMinor = parseAmount(form.amount, currency);
    // A date only: the gift is taken to have come in at noon of that day in the site's time zone.
    const date = dayNoon(form.date.trim(), (await loadSettings(deps.db)).timeZone) ?? '';
    const result = await attempt(async () => {
      if (amountMinor === null) throw new AppError('VALIDATION', { fields: { amount: 'Enter an amount like 25 or 25.50' } });
      return adminRecordManualDonation(deps, {
        amountMinor, currency, kind: form.kind === 'monthly' ? 'monthly' : 'one-off', receivedAt: date,
        driveId: /^[1-9]\d{0,9}$/.test(form.driveId) ? Number(form.driveId) : null, displayName: form.displayName, email: form.email, note: form.note,
      }, actorOf(request));
    });
    if (!result.ok) {
      const errors = { ...result.errors, ...(result.errors.receivedAt ? { date: result.errors.receivedAt } : {}), ...(result.errors.amountMinor ? { amount: result.errors.amountMinor } : {}) };
      return sendPage(reply, renderManualForm(await adminFrame(deps, request, reply), { values: form, errors }, await listDrives(deps.db)), 422);
    }
    flash(reply, 'Gift recorded.');
    return reply.redirect(`/admin/funding#donation-${result.value}`, 303);
  });

  app.post('/admin/funding/donations/:id/refund', async (request, reply) => {
    await adminRefundManualDonation(deps, routeId(request), actorOf(request));
    flash(reply, 'Gift marked refunded; it no longer counts.');
    return reply.redirect(CURRENT, 303);
  });
}
