import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, ownTables, type TestDatabase } from '../../../test/helpers.js';
import { columnsOf } from './section.js';
import { NOT_EXPORTED, SECTIONS } from './sections.js';

let target: TestDatabase | undefined;
afterEach(async () => {
  await target?.drop();
  target = undefined;
});

describe.each(DIALECTS)('what an export covers on %s', { timeout: 120_000 }, (dialect) => {
  it('has a section or a stated reason for every table, and every column of every exported table', async () => {
    target = await createTestDatabase(dialect);
    const db = target.database.db;
    const tables = await ownTables(target.database);
    const missing: string[] = [];
    for (const table of tables) {
      const section = SECTIONS.find((s) => s.name === table.name);
      if (!section) {
        if (!(table.name in NOT_EXPORTED)) missing.push(`table ${table.name}`);
        continue;
      }
      const exported = new Set(columnsOf(section));
      for (const column of table.columns) if (!exported.has(column)) missing.push(`${table.name}.${column}`);
      for (const column of exported) if (!table.columns.includes(column)) missing.push(`${table.name}.${column} (no such column)`);
    }
    expect(missing, 'add these to SECTIONS or NOT_EXPORTED in src/features/export/sections.ts').toEqual([]);
  });
});
