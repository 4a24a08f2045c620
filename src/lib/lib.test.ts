import { describe, expect, it } from 'vitest';
import { isValidDate, isValidTimeZone, localDateOf } from './dates.js';
import { hashPassword, verifyPassword } from './password.js';
import { slugify } from './slug.js';

describe('dates in the site time zone', () => {
  it('put a post at 23:30 UTC on 31 January on 1 February in Asia/Almaty', () => {
    expect(localDateOf('2025-01-31T23:30:00Z', 'Asia/Almaty')).toEqual({ year: 2025, month: 2, day: 1 });
    expect(localDateOf('2025-01-31T23:30:00Z', 'UTC')).toEqual({ year: 2025, month: 1, day: 31 });
    expect(localDateOf('2025-01-01T03:00:00Z', 'America/New_York')).toEqual({ year: 2024, month: 12, day: 31 });
  });

  it('keep the date right across a daylight-saving change', () => {
    // Europe/Brussels moved to summer time at 01:00 UTC on 30 March 2025.
    expect(localDateOf('2025-03-29T22:59:00Z', 'Europe/Brussels')).toEqual({ year: 2025, month: 3, day: 29 });
    expect(localDateOf('2025-03-29T23:00:00Z', 'Europe/Brussels')).toEqual({ year: 2025, month: 3, day: 30 });
    expect(localDateOf('2025-03-30T21:59:00Z', 'Europe/Brussels')).toEqual({ year: 2025, month: 3, day: 30 });
    expect(localDateOf('2025-03-30T22:00:00Z', 'Europe/Brussels')).toEqual({ year: 2025, month: 3, day: 31 });
  });

  it('accept real dates and time zones and refuse impossible ones', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2025, 2, 29)).toBe(false);
    expect(isValidDate(2025, 2, 30)).toBe(false);
    expect(isValidDate(2025, 13, 1)).toBe(false);
    expect(isValidDate(2025, 0, 1)).toBe(false);
    expect(isValidTimeZone('Europe/Brussels')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('slugs', () => {
  it('turn English and Russian titles into readable ASCII slugs', () => {
    expect(slugify('Tram drivers: the strike goes on!')).toBe('tram-drivers-the-strike-goes-on');
    expect(slugify('Суд над Мирой Осиповой отложен')).toBe('sud-nad-miroy-osipovoy-otlozhen');
    expect(slugify('Café crème — déjà vu')).toBe('cafe-creme-deja-vu');
    expect(slugify('!!!')).toBe('');
  });
});

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});
