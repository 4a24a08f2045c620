import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DialectHelpers } from '../../storage/dialect/types.js';
import type { DB } from '../../storage/schema.js';
import { changePosts } from '../posts/index.js';
import { PROGRESS_EVERY, type ProgressListener, type SectionCounts } from './export-json.js';
import { headerSchema } from './format.js';
import { ImportError } from './import-error.js';
import { JsonSyntaxError } from './json-scanner.js';
import { readDocument } from './read-document.js';
import { SECTIONS } from './sections.js';
import { SectionWriter } from './section-writer.js';

export interface ImportDeps {
  db: Kysely<DB>;
  helpers: DialectHelpers;
}

/**
 * Loads a Broadside export into an empty site, streaming: each record is checked against its
 * section's schema and written in batches, all in one transaction, so a bad record or a refused
 * write rolls everything back and the site stays empty. Ids are kept (links, redirects and
 * comment threads stay intact) and id sequences are moved past them. Settings in the file
 * replace the new site's. Throws ImportError naming the record (`sections.posts[12] (id 45)`)
 * and the reason, or the line of a malformed file.
 */
export async function importSite(
  deps: ImportDeps,
  chunks: AsyncIterable<string>,
  onProgress: ProgressListener = () => {},
): Promise<SectionCounts> {
  return deps.db.transaction().execute(async (trx) => {
    const db = trx as unknown as Kysely<any>;
    await ensureEmpty(db);
    const counts: SectionCounts = {};
    let writer: SectionWriter | undefined;
    let name = '';
    let position = -1;
    const finish = async () => {
      if (!writer) return;
      await writer.finish();
      counts[name] = writer.count;
      if (writer.count % PROGRESS_EVERY !== 0) onProgress({ section: name, done: writer.count });
    };
    try {
      for await (const part of readDocument(chunks)) {
        if (part.kind === 'header') {
          checkHeader(part.header);
        } else if (part.kind === 'section') {
          await finish();
          const at = SECTIONS.findIndex((s) => s.name === part.name);
          if (at < 0) throw new ImportError(`sections.${part.name}: unknown section (this Broadside knows ${SECTIONS.map((s) => s.name).join(', ')})`);
          if (at <= position) throw new ImportError(`sections.${part.name}: out of order or repeated (sections come in the order of docs/export-format.md)`);
          position = at;
          name = part.name;
          writer = new SectionWriter(db, SECTIONS[at]!);
          if (name === 'settings') await db.deleteFrom('settings').execute();
          onProgress({ section: name, done: 0 });
        } else {
          const record = validate(SECTIONS[position]!.row, part.value, `sections.${part.section}[${part.index}]`);
          await writer!.add(record, part.index);
          if (writer!.count % PROGRESS_EVERY === 0) onProgress({ section: name, done: writer!.count });
        }
      }
      await finish();
    } catch (error) {
      if (error instanceof JsonSyntaxError) throw new ImportError(`malformed file, ${error.message}`, { cause: error });
      throw error;
    }
    for (const section of SECTIONS) if (section.hasId) await deps.helpers.resetIdSequence(db, section.name);
    // The monthly and term counts are derived from the posts (NOT_EXPORTED): count the imported ones in.
    const postIds = (await trx.selectFrom('posts').select('id').execute()).map((r) => r.id);
    await changePosts(trx, [], async () => postIds, { inserted: (ids) => ids });
    return counts;
  });
}

function checkHeader(header: Record<string, unknown>): void {
  const parsed = headerSchema.safeParse(header);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`header${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
  }
}

function validate(schema: z.ZodObject, value: unknown, where: string): Record<string, unknown> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const id = value && typeof value === 'object' && 'id' in value ? ` (id ${JSON.stringify((value as { id: unknown }).id)})` : '';
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new ImportError(`${where}${id}: ${field}${issue.message}`);
}

/** Throws unless every exported table but settings is empty. */
async function ensureEmpty(db: Kysely<any>): Promise<void> {
  const filled: string[] = [];
  for (const section of SECTIONS) {
    if (section.name === 'settings') continue;
    if (await db.selectFrom(section.name).selectAll().limit(1).executeTakeFirst()) filled.push(section.name);
  }
  if (filled.length) {
    throw new ImportError(
      `this site is not empty (it has ${filled.join(', ')}). A Broadside export loads only into an empty site: ` +
        'point DATABASE_URL or BROADSIDE_DATA at a new database, run `broadside migrate`, then import again.',
    );
  }
}
