import type { Kysely, Selectable } from 'kysely';
import { prepareQuery } from '../../../storage/prepared.js';
import type { AppealsTable, DB } from '../../../storage/schema.js';
import { parseButtons } from './buttons.js';
import type { CheckedAppeal } from './check-input.js';
import { type Appeal, type LiveAppeal, type Placement, PLACEMENTS } from './model.js';

/** Queries of the appeals tables. Public reads select explicit columns only. */

type AppealRow = Selectable<AppealsTable>;

const PLACEMENT_COLUMNS: Record<Placement, 'in_article' | 'in_sidebar' | 'on_home'> = {
  article: 'in_article', sidebar: 'in_sidebar', home: 'on_home',
};

const placementsOf = (row: Pick<AppealRow, 'in_article' | 'in_sidebar' | 'on_home'>): Placement[] =>
  PLACEMENTS.filter((p) => row[PLACEMENT_COLUMNS[p]] === 1);

const languagesOf = (text: string): string[] => text.split(',').filter(Boolean);

const bankOf = (row: Pick<AppealRow, 'bank_holder' | 'bank_iban' | 'bank_bic' | 'bank_reference'>) =>
  row.bank_iban ? { holder: row.bank_holder, iban: row.bank_iban, bic: row.bank_bic, reference: row.bank_reference } : null;

/** The columns a checked appeal writes. */
function columnsOf(appeal: CheckedAppeal, now: string) {
  return {
    title: appeal.title,
    language: appeal.language,
    body: appeal.body,
    body_html: appeal.bodyHtml,
    buttons: JSON.stringify(appeal.buttons),
    bank_holder: appeal.bank?.holder ?? '',
    bank_iban: appeal.bank?.iban ?? '',
    bank_bic: appeal.bank?.bic ?? '',
    bank_reference: appeal.bank?.reference ?? '',
    drive_id: appeal.driveId,
    in_article: Number(appeal.placements.includes('article')),
    in_sidebar: Number(appeal.placements.includes('sidebar')),
    on_home: Number(appeal.placements.includes('home')),
    languages: appeal.languages.join(','),
    only_categories: Number(appeal.categoryIds.length > 0),
    starts_at: appeal.startsAt,
    ends_at: appeal.endsAt,
    enabled: Number(appeal.enabled),
    position: appeal.position,
    updated_at: now,
  };
}

/** Inserts an appeal and its categories; returns its id. Run it in a transaction. */
export async function insertAppeal(db: Kysely<DB>, appeal: CheckedAppeal, now: string): Promise<number> {
  const { id } = await db.insertInto('appeals').values({ ...columnsOf(appeal, now), created_at: now }).returning('id').executeTakeFirstOrThrow();
  await writeCategories(db, id, appeal.categoryIds);
  return id;
}

/** Replaces an appeal's fields and categories. Run it in a transaction. */
export async function updateAppealRow(db: Kysely<DB>, id: number, appeal: CheckedAppeal, now: string): Promise<void> {
  await db.updateTable('appeals').set(columnsOf(appeal, now)).where('id', '=', id).execute();
  await db.deleteFrom('appeal_categories').where('appeal_id', '=', id).execute();
  await writeCategories(db, id, appeal.categoryIds);
}

async function writeCategories(db: Kysely<DB>, id: number, categoryIds: number[]): Promise<void> {
  if (categoryIds.length) await db.insertInto('appeal_categories').values(categoryIds.map((c) => ({ appeal_id: id, category_id: c }))).execute();
}

/** Every appeal, in the order readers see them (position, then oldest first). */
export async function listAppeals(db: Kysely<DB>): Promise<Appeal[]> {
  const rows = await db.selectFrom('appeals').selectAll().orderBy('position').orderBy('id').execute();
  const links = await db.selectFrom('appeal_categories').select(['appeal_id', 'category_id']).execute();
  return rows.map((row) => toAppeal(row, links.filter((l) => l.appeal_id === row.id).map((l) => l.category_id)));
}

/** One appeal, or null. */
export async function findAppeal(db: Kysely<DB>, id: number): Promise<Appeal | null> {
  const row = await db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const links = await db.selectFrom('appeal_categories').select('category_id').where('appeal_id', '=', id).execute();
  return toAppeal(row, links.map((l) => l.category_id));
}

function toAppeal(row: AppealRow, categoryIds: number[]): Appeal {
  return {
    id: row.id, title: row.title, language: row.language, body: row.body, bodyHtml: row.body_html,
    buttons: parseButtons(row.buttons), bank: bankOf(row), driveId: row.drive_id, placements: placementsOf(row),
    languages: languagesOf(row.languages), categoryIds: row.only_categories ? categoryIds : null,
    startsAt: row.starts_at, endsAt: row.ends_at, enabled: row.enabled === 1, position: row.position, updatedAt: row.updated_at,
  };
}

/**
 * The appeals readers can see at `now`: enabled, started (or no start), not ended (or no end),
 * in order, each with the slugs of the categories it follows. Two queries.
 */
// Every public page asks for it: compiled once (storage/prepared.ts).
const liveAppealsQuery = prepareQuery((db: Kysely<DB>, { now }: { now: string }) =>
  db
    .selectFrom('appeals')
    .select([
      'id', 'title', 'language', 'body_html', 'buttons', 'bank_holder', 'bank_iban', 'bank_bic', 'bank_reference', 'drive_id',
      'in_article', 'in_sidebar', 'on_home', 'languages', 'only_categories',
    ])
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', now)]))
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .orderBy('position')
    .orderBy('id'));

export async function listLiveAppeals(db: Kysely<DB>, now: string): Promise<LiveAppeal[]> {
  const rows = await liveAppealsQuery(db, { now });
  const narrowed = rows.filter((r) => r.only_categories).map((r) => r.id);
  const slugs = narrowed.length
    ? await db.selectFrom('appeal_categories').innerJoin('categories', 'categories.id', 'appeal_categories.category_id')
      .select(['appeal_categories.appeal_id', 'categories.slug']).where('appeal_categories.appeal_id', 'in', narrowed).execute()
    : [];
  return rows.map((row) => ({
    id: row.id, title: row.title, language: row.language, bodyHtml: row.body_html, buttons: parseButtons(row.buttons),
    bank: bankOf(row), driveId: row.drive_id, placements: placementsOf(row), languages: languagesOf(row.languages),
    categorySlugs: row.only_categories ? slugs.filter((s) => s.appeal_id === row.id).map((s) => s.slug) : null,
  }));
}
