/** The PostgreSQL server the tests use; each test database is a fresh schema on it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
