import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../test/database-url.js';
import { DIALECTS } from '../../test/helpers.js';
import { wxrFixture } from '../../test/wordpress.js';
import { runCli } from '../cli.js';
import type { DialectName } from '../storage/db.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), stdin: Readable.from([]) as unknown as NodeJS.ReadStream, env });
  return { code, out, err };
}

async function pgQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe.each(DIALECTS)('broadside import wordpress on %s', (dialect: DialectName) => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let schema: string;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpimport-cli-'));
    env = { BROADSIDE_DATA: dataDir, LOG_LEVEL: 'silent' };
    if (dialect === 'postgres') {
      schema = `bst_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
      await pgQuery(`create schema "${schema}"`);
      const sep = TEST_DATABASE_URL.includes('?') ? '&' : '?';
      env.DATABASE_URL = `${TEST_DATABASE_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
  });
  afterEach(async () => {
    if (dialect === 'postgres') await pgQuery(`drop schema if exists "${schema}" cascade`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints progress on stderr and a summary with counts and warnings naming their items, then imports nothing twice', { timeout: 120_000 }, async () => {
    const first = await cli(['import', 'wordpress', wxrFixture('site-1.2.xml')], env);
    if (first.code !== 0) throw new Error(first.err.join('\n'));
    expect(first.err.some((l) => /^importing \[#+\] 15\/15 items, [\d.]+\/[\d.]+ MB, [\d.]+ MB\/s$/.test(l))).toBe(true);
    expect(first.out[0]).toMatch(/^Imported: .*10 post.*3 page.*7 comment/);
    expect(first.out).toContain('Warning: post 14 “Staff only”: private: imported unpublished');
    expect(first.out.some((l) => l.startsWith('Unknown shortcode [pullquote] left as text in 1 item(s): post 20'))).toBe(true);
    const second = await cli(['import', 'wordpress', wxrFixture('site-1.2.xml')], env);
    if (second.code !== 0) throw new Error(second.err.join('\n'));
    expect(second.out[0]).toBe('Imported: nothing.');
    expect(second.out[1]).toMatch(/^Already imported before: .*10 post/);
  });

  it('stops on a malformed file with exit code 2, the line and the reason, and nothing imported', async () => {
    const run = await cli(['import', 'wordpress', wxrFixture('broken-entity.xml')], env);
    expect(run.code).toBe(2);
    expect(run.err.at(-1)).toMatch(/^broadside: .*broken-entity\.xml: line 55, column \d+: .*undefined entity.*\. Nothing was imported\.$/i);
  });

  it('says so when the file does not exist', async () => {
    const run = await cli(['import', 'wordpress', path.join(dataDir, 'missing.xml')], env);
    expect(run.code).toBe(1);
    expect(run.err.at(-1)).toContain('ENOENT');
  });
});
