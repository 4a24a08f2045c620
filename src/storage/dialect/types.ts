import type { ColumnDefinitionBuilder, CreateTableBuilder, Dialect, Kysely, SelectQueryBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The few things that differ between SQLite and PostgreSQL. Everything else is written once
 * in dialect-neutral Kysely.
 */
export interface DialectHelpers {
  readonly name: DialectName;
  /** Adds an auto-incrementing integer primary key called `id`. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** Column type for long text. */
  readonly textType: 'text';
  /** Modifies a foreign-key column definition (both dialects enforce them). */
  references(col: ColumnDefinitionBuilder, target: string): ColumnDefinitionBuilder;
  /**
   * Claims rows for one worker (jobs, outbox mail): `pick` selects candidate ids, `take` updates
   * those ids — re-checking in its where that each is still free — and returns what it took.
   * PostgreSQL: both in one transaction, the pick locking its rows `FOR UPDATE SKIP LOCKED`, so
   * concurrent workers choose different rows without waiting. SQLite: the two statements as
   * they are, since its single writer runs each update whole. Correctness rests on `take`'s
   * re-check either way: a row another worker took in between is simply not taken.
   */
  claim<DB, TB extends keyof DB, R>(
    db: Kysely<DB>,
    pick: (db: Kysely<DB>) => SelectQueryBuilder<DB, TB, { id: number }>,
    take: (db: Kysely<DB>, ids: number[]) => Promise<R[]>,
  ): Promise<R[]>;
  /**
   * After rows were inserted with explicit ids (an import), makes the next generated `id` of
   * `table` follow the largest one. PostgreSQL: moves the identity sequence. SQLite: nothing to
   * do, AUTOINCREMENT already continues after the largest id ever inserted.
   */
  resetIdSequence(db: Kysely<any>, table: string): Promise<void>;
}

/** A running LISTEN (see Notifications.listen). */
export interface Listening {
  stop(): Promise<void>;
  /** Drops the connection as a network failure would (tests of the reconnect). */
  interrupt(): void;
}

/**
 * Messages between the processes serving one database. PostgreSQL: NOTIFY/LISTEN. SQLite has
 * one serving process, so nothing travels: `notify` does nothing and `listen` never calls back;
 * what other processes (CLI commands) write there shows up in `changedElsewhere` instead.
 */
export interface Notifications {
  /**
   * True when another connection committed a write since the last call (false on the first),
   * which no message described: SQLite's `PRAGMA data_version` moved, as it does for every
   * commit but this connection's own. Always false on PostgreSQL, whose writers NOTIFY.
   * Synchronous and cheap enough to call per request (one prepared pragma, no I/O beyond the
   * WAL index in shared memory); never throws.
   */
  changedElsewhere(): boolean;
  /** Sends `payload` (under 8000 bytes) to every process listening on `channel`, this one included. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Calls `message` with each payload sent on `channel`, on a dedicated connection that
   * reconnects after errors and then calls `reconnected` (messages may have been missed).
   */
  listen(channel: string, handlers: { message(payload: string): void; reconnected(): void }): Promise<Listening>;
}

export interface OpenedDialect {
  dialect: Dialect;
  helpers: DialectHelpers;
  notifications: Notifications;
  /** See `Database.dataVersion`. */
  dataVersion(): string | null;
  /** Checks the connection; throws with a user-facing message when it cannot be made. */
  check(): Promise<void>;
  /**
   * For a serving process: SQLite files move their WAL checkpoints (and their fsyncs) from the
   * commits of requests to a worker thread (sqlite-checkpointer.ts). Nothing on PostgreSQL or an
   * in-memory SQLite database. Never throws; what goes wrong later is told to `problem`.
   */
  checkpointInBackground?(problem: (message: string, error?: unknown) => void): void;
  /** Stops what checkpointInBackground started, before Kysely is destroyed. Never throws. */
  stopBackground?(): Promise<void>;
  /** Extra cleanup after Kysely is destroyed. */
  close(): Promise<void>;
}
