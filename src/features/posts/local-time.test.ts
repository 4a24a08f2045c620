import { describe, expect, it } from 'vitest';
import { localInputToUtc, utcToLocalInput } from './local-time.js';

describe('times typed in the site time zone', () => {
  it('turn into the UTC instant the site clock means, in winter and in summer', () => {
    expect(localInputToUtc('2026-12-01T09:30', 'Europe/Berlin')).toBe('2026-12-01T08:30:00.000Z');
    expect(localInputToUtc('2026-07-01T09:30', 'Europe/Berlin')).toBe('2026-07-01T07:30:00.000Z');
    expect(localInputToUtc('2026-12-01T09:30', 'Asia/Almaty')).toBe('2026-12-01T04:30:00.000Z');
    expect(localInputToUtc('2026-12-01T09:30', 'UTC')).toBe('2026-12-01T09:30:00.000Z');
  });

  it('resolve a time skipped by the spring jump to the hour after, and a repeated autumn time to its first occurrence', () => {
    expect(localInputToUtc('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(localInputToUtc('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('are refused when they are not a real date and time', () => {
    expect(localInputToUtc('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(localInputToUtc('2026-02-10T24:00', 'UTC')).toBeNull();
    expect(localInputToUtc('tomorrow', 'UTC')).toBeNull();
  });

  it('are shown back as the site clock reads them', () => {
    expect(utcToLocalInput('2026-12-01T08:30:00Z', 'Europe/Berlin')).toBe('2026-12-01T09:30');
    expect(utcToLocalInput('2026-12-01T23:30:00Z', 'Asia/Almaty')).toBe('2026-12-02T04:30');
  });
});
