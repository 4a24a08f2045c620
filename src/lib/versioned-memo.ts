/**
 * Remembers values read from the database while the database's data version stays the same
 * (see `Database.dataVersion`), each until an optional instant when the same reads would
 * answer otherwise with no write (a post whose publication time comes). With no version (null:
 * PostgreSQL) every call loads afresh.
 */

export interface Loaded<V> {
  value: V;
  /** ISO UTC instant from which the value may no longer hold; null when only writes change it. */
  until: string | null;
}

export type VersionedMemo<V> = (key: string, now: string, load: () => Promise<Loaded<V>>) => Promise<V>;

/**
 * A memo over `version`. A value is kept only when the version did not move while it loaded,
 * so a write that commits meanwhile is never hidden. At most `maxEntries` keys; all are dropped
 * when the version moves or the memo is full.
 */
export function createVersionedMemo<V>(version: () => string | null, maxEntries = 256): VersionedMemo<V> {
  let current: string | null = null;
  const entries = new Map<string, Loaded<V>>();
  return async (key, now, load) => {
    const before = version();
    if (before === null) return (await load()).value;
    if (before !== current) {
      entries.clear();
      current = before;
    }
    const known = entries.get(key);
    if (known && (known.until === null || now < known.until)) return known.value;
    const loaded = await load();
    if (version() === before && current === before) {
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, loaded);
    }
    return loaded.value;
  };
}
