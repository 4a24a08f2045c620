import { CompiledQuery, type Kysely } from 'kysely';

/** One node of a PostgreSQL plan (EXPLAIN (FORMAT JSON)), with the fields the tests read. */
export type PostgresPlanNode = {
  'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PostgresPlanNode[];
};

/** The steps of SQLite's EXPLAIN QUERY PLAN for `query`, one line each ("SEARCH posts USING …"). */
export async function sqlitePlan(db: Kysely<any>, query: CompiledQuery): Promise<string[]> {
  const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
  return plan.rows.map((r) => r.detail);
}

/**
 * PostgreSQL's plan for `query` with sequential scans ruled out on that one connection: on a test
 * table of a few rows the planner would read it whole, and the test wants the index it would use
 * on a big one.
 */
export async function postgresPlan(db: Kysely<any>, query: CompiledQuery): Promise<PostgresPlanNode> {
  return db.connection().execute(async (conn) => {
    await conn.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
    try {
      const result = await conn.executeQuery<{ 'QUERY PLAN': [{ Plan: PostgresPlanNode }] }>(
        CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
      );
      return result.rows[0]!['QUERY PLAN'][0].Plan;
    } finally {
      await conn.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
    }
  });
}
