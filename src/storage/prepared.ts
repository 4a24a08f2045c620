import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * Queries built and compiled once. Kysely builds and compiles every query anew on each call:
 * for the article page's queries (the post, its neighbours) that cost more than SQLite running
 * them. A prepared query is built once per database with a placeholder for each argument,
 * compiled, and then run with each call's values put where the placeholders landed in the
 * compiled parameters. Dialect-neutral: each database compiles its own SQL.
 */

/** Values a prepared query takes: each becomes one or more parameters of the SQL. */
export type PreparedArgs = Record<string, string | number | null>;

const MARK = '\u0000prepared-arg:';

/**
 * `build` must give the same SQL whatever the values: use each argument only as a value
 * compared or selected (never branch on it, compute with it, or spread a list of varying
 * length); a query whose shape varies is one prepared query per shape. Returns a function that
 * runs it with `args` and resolves to its rows. The compiled form is kept per database
 * (WeakMap), so a closed database's is dropped with it. Throws Error when `build` used an
 * argument otherwise than as a whole parameter (a bug, found at the first call).
 */
export function prepareQuery<A extends PreparedArgs, O>(
  build: (db: Kysely<any>, args: A) => Compilable<O>,
): <DB>(db: Kysely<DB>, args: A) => Promise<O[]> {
  const compiled = new WeakMap<object, { query: CompiledQuery<O>; slots: (keyof A | null)[] }>();
  return async (db, args) => {
    let template = compiled.get(db);
    if (!template) {
      template = compile(db, build, Object.keys(args));
      compiled.set(db, template);
    }
    const { query, slots } = template;
    const parameters = query.parameters.map((value, i) => (slots[i] === null ? value : args[slots[i]!]));
    const result = await db.executeQuery<O>({ ...query, parameters });
    return result.rows;
  };
}

/** Whether `query` is a prepared query's template: compiled once with placeholders, never run as it is. */
export function isPreparedTemplate(query: CompiledQuery): boolean {
  return query.parameters.some((value) => typeof value === 'string' && value.startsWith(MARK));
}

function compile<A extends PreparedArgs, O>(
  db: Kysely<any>,
  build: (db: Kysely<any>, args: A) => Compilable<O>,
  keys: string[],
): { query: CompiledQuery<O>; slots: (keyof A | null)[] } {
  const marks = Object.fromEntries(keys.map((key) => [key, `${MARK}${key}`])) as unknown as A;
  const query = build(db, marks).compile();
  const slots = query.parameters.map((value) => {
    if (typeof value !== 'string' || !value.includes(MARK)) return null;
    const key = value.slice(MARK.length);
    if (!value.startsWith(MARK) || !keys.includes(key)) throw new Error(`prepared query used an argument inside a value: ${value}`);
    return key as keyof A;
  });
  const used = new Set(slots);
  const unused = keys.filter((key) => !used.has(key));
  if (unused.length) throw new Error(`prepared query never used ${unused.join(', ')} as a parameter`);
  return { query, slots };
}
