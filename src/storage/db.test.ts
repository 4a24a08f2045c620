import { MIGRATION_NAMES } from './migrations/index.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../test/database-url.js';
import { createTestDatabase, DIALECTS, ownTables, type TestDatabase } from '../../test/helpers.js';
import { type Database, type DialectName, migrateToLatest, openDatabase } from './db.js';

const TABLES = [
  'authors',
  'categories',
  'pages',
  'post_authors',
  'post_categories',
  'post_tags',
  'posts',
  'redirects',
  'settings',
  'tags',
  'users',
  'sessions',
  'rate_limits',
  'password_resets',
  'audit_log',
  'post_revisions',
  'jobs',
  'outbox',
];

const NOW = '2026-06-15T12:00:00.000Z';

/** Tables of this database only (on PostgreSQL: of its own schema, not the whole server). */
async function tableNames(database: Database): Promise<string[]> {
  return (await ownTables(database)).map((t) => t.name).filter((name) => !name.startsWith('kysely_'));
}

async function insertPost(database: Database, slug: string): Promise<number> {
  const row = await database.db
    .insertInto('posts')
    .values({
      guid: `urn:test:${slug}`,
      slug,
      title: `Post ${slug}`,
      status: 'draft',
      language: 'en',
      translation_group: null,
      published_at: null,
      local_year: null,
      local_month: null,
      local_day: null,
      standfirst: '',
      body_md: '',
      body_html: '',
      postscript_md: '',
      postscript_html: '',
      comment_status: 'open',
      featured_image_url: '',
      featured_image_alt: '',
      featured_image_caption: '',
      created_at: NOW,
      updated_at: NOW,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An empty, unmigrated database next to the test's own: another SQLite file, or another schema. */
async function openSecondSite(dialect: DialectName): Promise<{ database: Database; drop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-db-'));
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    const database = await openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'broadside.sqlite') });
    return { database, drop: async () => (await database.close(), removeDataDir()) };
  }
  const schema = `bst_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema "${schema}"`);
  const database = await openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL, schema, maxConnections: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin(`drop schema if exists "${schema}" cascade`);
      removeDataDir();
    },
  };
}

describe.each(DIALECTS)('the database on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await t.drop();
  });

  it('has every table of the content model after migrating', async () => {
    const names = await tableNames(t.database);
    for (const table of TABLES) expect(names).toContain(table);
  });

  it('applies nothing and reports no error when migrated again', async () => {
    const outcome = await migrateToLatest(t.database);
    expect(outcome).toEqual({ applied: [] });
    expect(await migrateToLatest(t.database)).toEqual({ applied: [] });
  });

  it('migrates a second site fully while another site on the same server is open', async () => {
    // Two Broadside sites (or two test files) sharing one PostgreSQL database in separate schemas.
    // The second site is opened by hand so that it is removed even when its migration fails.
    const second = await openSecondSite(dialect);
    try {
      const outcome = await migrateToLatest(second.database);
      expect(outcome.error?.message).toBeUndefined();
      expect(outcome.applied).toEqual(MIGRATION_NAMES);
      const names = await tableNames(second.database);
      for (const table of TABLES) expect(names).toContain(table);
    } finally {
      await second.drop();
    }
  });

  it.runIf(dialect === 'sqlite')('runs SQLite in WAL mode with foreign keys enforced', async () => {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.database.db);
    expect(journal.rows[0]?.journal_mode).toBe('wal');
    const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(t.database.db);
    expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
  });

  it('describes where the data lives without a password', () => {
    expect(t.database.dialect).toBe(dialect);
    expect(t.database.description).toMatch(dialect === 'sqlite' ? /^SQLite \/.+broadside\.sqlite$/ : /^PostgreSQL [^@]+\/\w+$/);
  });

  it('refuses a post author row that names a post that does not exist', async () => {
    const author = await t.database.db
      .insertInto('authors')
      .values({ slug: 'anna', name: 'Anna', bio: '', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      t.database.db.insertInto('post_authors').values({ post_id: 999_999, author_id: author.id, position: 0 }).execute(),
    ).rejects.toThrow(/foreign key/i);
    const rows = await t.database.db.selectFrom('post_authors').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('removes a deleted post’s author, category and tag links with it', async () => {
    const db = t.database.db;
    const keep = await insertPost(t.database, 'kept');
    const gone = await insertPost(t.database, 'deleted');
    const author = await db.insertInto('authors').values({ slug: 'anna', name: 'Anna', bio: '', created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow();
    const category = await db.insertInto('categories').values({ slug: 'courts', name: 'Courts', description: '', parent_id: null, created_at: NOW }).returning('id').executeTakeFirstOrThrow();
    const tag = await db.insertInto('tags').values({ slug: 'hearings', name: 'hearings', created_at: NOW }).returning('id').executeTakeFirstOrThrow();
    for (const post of [keep, gone]) {
      await db.insertInto('post_authors').values({ post_id: post, author_id: author.id, position: 0 }).execute();
      await db.insertInto('post_categories').values({ post_id: post, category_id: category.id }).execute();
      await db.insertInto('post_tags').values({ post_id: post, tag_id: tag.id }).execute();
    }

    await db.deleteFrom('posts').where('id', '=', gone).execute();

    for (const table of ['post_authors', 'post_categories', 'post_tags'] as const) {
      const rows = await db.selectFrom(table).select('post_id').execute();
      expect(rows.map((r) => r.post_id), table).toEqual([keep]);
    }
    // The author, category and tag themselves stay.
    expect(await db.selectFrom('authors').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('categories').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('tags').select('id').execute()).toHaveLength(1);
  });

  it('refuses a second post, page, author, category or tag with a slug already taken', async () => {
    const db = t.database.db;
    await insertPost(t.database, 'same');
    await expect(insertPost(t.database, 'same')).rejects.toThrow(/unique/i);

    const page = { slug: 'about', title: 'About', body_md: '', body_html: '', status: 'published' as const, language: 'en', created_at: NOW, updated_at: NOW };
    await db.insertInto('pages').values(page).execute();
    await expect(db.insertInto('pages').values(page).execute()).rejects.toThrow(/unique/i);

    const author = { slug: 'anna', name: 'Anna', bio: '', created_at: NOW, updated_at: NOW };
    await db.insertInto('authors').values(author).execute();
    await expect(db.insertInto('authors').values({ ...author, name: 'Another Anna' }).execute()).rejects.toThrow(/unique/i);

    const category = { slug: 'courts', name: 'Courts', description: '', parent_id: null, created_at: NOW };
    await db.insertInto('categories').values(category).execute();
    await expect(db.insertInto('categories').values(category).execute()).rejects.toThrow(/unique/i);

    const tag = { slug: 'hearings', name: 'hearings', created_at: NOW };
    await db.insertInto('tags').values(tag).execute();
    await expect(db.insertInto('tags').values(tag).execute()).rejects.toThrow(/unique/i);

    for (const table of ['posts', 'pages', 'authors', 'categories', 'tags'] as const) {
      expect(await db.selectFrom(table).select('id').execute(), table).toHaveLength(1);
    }
  });

  it('refuses a second redirect from the same path', async () => {
    const redirect = { from_path: '/old/', to_path: '/new/', created_at: NOW };
    await t.database.db.insertInto('redirects').values(redirect).execute();
    await expect(t.database.db.insertInto('redirects').values({ ...redirect, to_path: '/other/' }).execute()).rejects.toThrow(/unique/i);
  });
});
