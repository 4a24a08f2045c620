import type { ColumnDefinitionBuilder, CreateTableBuilder, Dialect } from 'kysely';

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
}

export interface OpenedDialect {
  dialect: Dialect;
  helpers: DialectHelpers;
  /** Checks the connection; throws with a user-facing message when it cannot be made. */
  check(): Promise<void>;
  /** Extra cleanup after Kysely is destroyed. */
  close(): Promise<void>;
}
