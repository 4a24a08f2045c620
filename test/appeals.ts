import type { AppContext } from '../src/context.js';
import { createAppeal } from '../src/features/funding/appeals/index.js';
import type { AppealInput } from '../src/features/funding/appeals/index.js';


/** Test fixture: an appeal made through the service, shown after articles unless told otherwise. */
export async function givenAppeal(ctx: AppContext, input: Partial<AppealInput> = {}): Promise<number> {
  return createAppeal(
    { db: ctx.database.db, clock: ctx.clock },
    {
      title: 'Support independent journalism',
      language: 'en',
      body: 'We are funded by **readers** like you.',
      buttons: [{ kind: 'donate', label: '', url: '' }, { kind: 'paypal', label: '', url: 'https://www.paypal.com/donate/?hosted_button_id=LANTERN' }],
      bank: { holder: '', iban: '', bic: '', reference: '' },
      driveId: null,
      placements: ['article'],
      languages: [],
      categoryIds: [],
      startsAt: '',
      endsAt: '',
      enabled: true,
      position: 0,
      ...input,
    },
    { userId: null, actor: 'test' },
  );
}
