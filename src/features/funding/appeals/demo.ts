import { listRunningDrives } from '../index.js';
import type { AppealInput } from './model.js';
import { type AppealDeps, createAppeal } from './service.js';

const NO_BANK = { holder: '', iban: '', bic: '', reference: '' };

/** The demo newsroom's appeals: one under its English articles, one under its Russian ones. */
const DEMO_APPEALS: Omit<AppealInput, 'driveId'>[] = [
  {
    title: 'Support independent journalism',
    language: 'en',
    body: 'The Lantern has no owner and no advertisers: it is paid for by its readers. If this article was worth your time, help us write the next one.',
    buttons: [
      { kind: 'donate', label: 'Donate', url: '' },
      { kind: 'paypal', label: 'Donate with PayPal', url: 'https://www.paypal.com/donate/?hosted_button_id=LANTERNDEMO' },
      { kind: 'patreon', label: 'Become a patron', url: 'https://www.patreon.com/thelanterndemo' },
    ],
    bank: { holder: 'The Lantern Media Association', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', reference: 'Donation' },
    placements: ['article'], languages: ['en'], categoryIds: [], startsAt: '', endsAt: '', enabled: true, position: 0,
  },
  {
    title: 'Поддержите независимую журналистику',
    language: 'ru',
    body: 'У «Фонаря» нет владельца и нет рекламодателей: нас содержат читатели. Если этот материал был вам полезен, помогите нам написать следующий.',
    buttons: [
      { kind: 'donate', label: 'Пожертвовать', url: '' },
      { kind: 'paypal', label: 'Пожертвовать через PayPal', url: 'https://www.paypal.com/donate/?hosted_button_id=LANTERNDEMO' },
      { kind: 'patreon', label: 'Стать патроном', url: 'https://www.patreon.com/thelanterndemo' },
    ],
    bank: NO_BANK,
    placements: ['article'], languages: ['ru'], categoryIds: [], startsAt: '', endsAt: '', enabled: true, position: 0,
  },
];

/**
 * Loads the demo appeals, linked to the drive running now (the funding demo's), if any.
 * Idempotent: an appeal whose title already exists is left alone. Returns how many it added.
 */
export async function seedDemoAppeals(deps: AppealDeps): Promise<number> {
  const [drive] = await listRunningDrives(deps.db, deps.clock.now());
  const existing = new Set((await deps.db.selectFrom('appeals').select('title').execute()).map((a) => a.title));
  let added = 0;
  for (const appeal of DEMO_APPEALS) {
    if (existing.has(appeal.title)) continue;
    await createAppeal(deps, { ...appeal, driveId: drive?.id ?? null }, { userId: null, actor: 'demo' });
    added++;
  }
  return added;
}
