import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { AppError } from '../../errors.js';
import { DEFAULT_SETTINGS, loadSettings, writeSettings } from './settings.js';

describe.each(DIALECTS)('site settings on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => t.drop());

  it('start from sensible defaults and keep what an admin saves', async () => {
    expect(await loadSettings(t.database.db)).toEqual(DEFAULT_SETTINGS);
    await writeSettings(t.database.db, { title: 'The Lantern', timeZone: 'Europe/Brussels', baseUrl: 'https://lantern.example/' });
    const settings = await loadSettings(t.database.db);
    expect(settings.title).toBe('The Lantern');
    expect(settings.timeZone).toBe('Europe/Brussels');
    expect(settings.baseUrl).toBe('https://lantern.example');
    expect(settings.firstDayOfWeek).toBe(1);
  });

  it('refuse an unknown time zone, an empty title and a bad address, naming each field', async () => {
    const error = await writeSettings(t.database.db, { timeZone: 'Mars/Olympus', title: ' ', baseUrl: 'lantern' }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.details.fields).toEqual({
      title: 'Enter a site title',
      timeZone: 'Enter a time zone name such as Europe/Brussels',
      baseUrl: 'Enter the full address, like https://news.example.org',
    });
    expect(await loadSettings(t.database.db)).toEqual(DEFAULT_SETTINGS);
  });

  it('fall back to the default when a stored value was damaged by hand', async () => {
    await t.database.db.insertInto('settings').values({ key: 'timeZone', value: '"Nowhere/Nothing"' }).execute();
    await t.database.db.insertInto('settings').values({ key: 'title', value: '{not json' }).execute();
    const settings = await loadSettings(t.database.db);
    expect(settings.timeZone).toBe('UTC');
    expect(settings.title).toBe(DEFAULT_SETTINGS.title);
  });
});
