import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

/** What an outside item became locally; the ledger that makes imports idempotent and resumable. */

export type MappedKind = 'author' | 'category' | 'tag' | 'post' | 'page' | 'comment' | 'attachment';

/** The local id an item of `source` became, or null when it was never imported. */
export async function findMapped(db: Kysely<DB>, source: string, kind: MappedKind, sourceId: string): Promise<number | null> {
  const row = await db
    .selectFrom('import_map')
    .select('local_id')
    .where('source', '=', source)
    .where('kind', '=', kind)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return row?.local_id ?? null;
}

/** Records that an item became `localId`; call it in the transaction that wrote the row. */
export async function remember(db: Kysely<DB>, source: string, kind: MappedKind, sourceId: string, localId: number, now: string): Promise<void> {
  await db
    .insertInto('import_map')
    .values({ source, kind, source_id: sourceId, local_id: localId, created_at: now })
    .onConflict((oc) => oc.columns(['source', 'kind', 'source_id']).doUpdateSet({ local_id: localId }))
    .execute();
}
