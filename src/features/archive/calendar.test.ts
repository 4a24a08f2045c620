import { describe, expect, it } from 'vitest';
import { monthWeeks } from './calendar.js';
import { dayName, monthYearName, weekdayNames } from './date-names.js';

describe('the calendar grid', () => {
  it('pads the first and last weeks so every row has seven days, from the first day of the week', () => {
    // 1 March 2026 is a Sunday: six empty cells before it when weeks start on Monday, none on Sunday.
    const monday = monthWeeks(2026, 3, 1);
    expect(monday[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(monday).toHaveLength(6);
    expect(monday.at(-1)).toEqual([30, 31, null, null, null, null, null]);
    const sunday = monthWeeks(2026, 3, 0);
    expect(sunday[0]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sunday).toHaveLength(5);
    // February 2015 began on a Sunday and had 28 days: exactly four weeks from Sunday.
    expect(monthWeeks(2015, 2, 0).flat()).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(monthWeeks(2024, 2, 6).flat().filter(Boolean)).toHaveLength(29);
  });

  it('names weekdays, months and days in the page language', () => {
    expect(weekdayNames(1, 'en').map((w) => w.initial).join('')).toBe('MTWTFSS');
    expect(weekdayNames(0, 'en')[0]).toEqual({ initial: 'S', full: 'Sunday' });
    expect(weekdayNames(1, 'ru').map((w) => w.full)).toEqual(['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье']);
    expect(monthYearName(2014, 1, 'en')).toBe('January 2014');
    expect(monthYearName(2014, 1, 'ru')).toBe('Январь 2014 г.');
    expect(dayName(2024, 2, 29, 'en')).toBe('29 February 2024');
    expect(dayName(2025, 2, 1, 'ru')).toBe('1 февраля 2025 г.');
    expect(monthYearName(50, 6, 'en')).toBe('June 50');
  });
});
