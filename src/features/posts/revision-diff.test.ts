import { describe, expect, it } from 'vitest';
import { compareRevisions } from './revision-diff.js';

const base = { title: 'Tram strike', language: 'en', authorIds: [1] };

describe('comparing two revisions', () => {
  it('shows removed and added lines of the body, and which fields did not change', () => {
    const older = { ...base, body: 'First paragraph.\n\nSecond paragraph.' };
    const newer = { ...base, body: 'First paragraph.\n\nSecond paragraph, rewritten.' };
    const [title, standfirst, body] = compareRevisions(older, newer);
    expect(title!.changed).toBe(false);
    expect(standfirst!.changed).toBe(false);
    expect(body!.changed).toBe(true);
    expect(body!.lines).toEqual([
      { kind: 'same', text: 'First paragraph.' },
      { kind: 'same', text: '' },
      { kind: 'removed', text: 'Second paragraph.' },
      { kind: 'added', text: 'Second paragraph, rewritten.' },
    ]);
  });

  it('folds long unchanged stretches, keeping two lines around each change', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `Line ${i + 1}`);
    const changed = lines.map((l, i) => (i === 10 ? 'Line eleven' : l));
    const body = compareRevisions({ ...base, body: lines.join('\n') }, { ...base, body: changed.join('\n') })[2]!;
    expect(body.lines).toEqual([
      { kind: 'skipped', text: '8' },
      { kind: 'same', text: 'Line 9' },
      { kind: 'same', text: 'Line 10' },
      { kind: 'removed', text: 'Line 11' },
      { kind: 'added', text: 'Line eleven' },
      { kind: 'same', text: 'Line 12' },
      { kind: 'same', text: 'Line 13' },
      { kind: 'skipped', text: '7' },
    ]);
  });
});
