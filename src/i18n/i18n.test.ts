import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { formatDate, formatList, languageName, messagesFor } from './index.js';
import { ru } from './ru.js';

describe('interface languages', () => {
  it('ship every English string in Russian too', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(ru)) {
      expect(typeof value, key).toBe(typeof en[key as keyof typeof en]);
    }
  });

  it('fall back to English for a language without a catalogue', () => {
    expect(messagesFor('ru-RU')).toBe(ru);
    expect(messagesFor('de')).toBe(en);
  });

  it('format dates for the reader language in the site time zone', () => {
    expect(formatDate('2025-01-31T23:30:00Z', 'en', 'Europe/Brussels')).toBe('1 February 2025');
    expect(formatDate('2025-01-31T23:30:00Z', 'ru', 'Europe/Brussels')).toBe('1 февраля 2025 г.');
    expect(formatDate('2025-01-31T23:30:00Z', 'en', 'UTC')).toBe('31 January 2025');
  });

  it('join names and name languages the way each language does', () => {
    expect(formatList(['Anna Keller', 'Timur Belov'], 'en')).toBe('Anna Keller and Timur Belov');
    expect(formatList(['Анна', 'Тимур'], 'ru')).toBe('Анна и Тимур');
    expect(languageName('ru', 'en')).toBe('Russian');
    expect(languageName('en', 'ru')).toBe('английский');
  });
});
