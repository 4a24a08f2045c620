import type { AppealButton } from './buttons.js';

/** Where an appeal shows: after an article's body, in the sidebar of every public page, on the home page. */
export const PLACEMENTS = ['article', 'sidebar', 'home'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export interface BankDetails {
  holder: string;
  /** Compact: upper case, no spaces. */
  iban: string;
  bic: string;
  reference: string;
}

/** An appeal as stored, for the admin and for rendering. */
export interface Appeal {
  id: number;
  title: string;
  /** The language it is written in. */
  language: string;
  body: string;
  /** `body` rendered and sanitised when saved. */
  bodyHtml: string;
  buttons: AppealButton[];
  /** Null when no bank-transfer details are shown. */
  bank: BankDetails | null;
  driveId: number | null;
  placements: Placement[];
  /** Empty: every language. */
  languages: string[];
  /** Null: every category. Otherwise the ids it follows (possibly none left, after deletions). */
  categoryIds: number[] | null;
  /** UTC instants; null: no limit. */
  startsAt: string | null;
  endsAt: string | null;
  enabled: boolean;
  position: number;
  updatedAt: string;
}

/** An appeal ready to show: what readers see, and the category slugs it is narrowed to. */
export interface LiveAppeal {
  id: number;
  title: string;
  language: string;
  bodyHtml: string;
  buttons: AppealButton[];
  bank: BankDetails | null;
  driveId: number | null;
  placements: Placement[];
  languages: string[];
  /** Null: every category. */
  categorySlugs: string[] | null;
}

/** One button row of the admin form, as typed. `kind` '' is an unused row. */
export interface ButtonRow {
  kind: string;
  label: string;
  url: string;
}

/**
 * What the admin sends to create or update an appeal. Dates are wall-clock times in the site's
 * time zone as a `datetime-local` field sends them ('' for none).
 */
export interface AppealInput {
  title: string;
  language: string;
  body: string;
  buttons: ButtonRow[];
  bank: BankDetails;
  driveId: number | null;
  placements: string[];
  languages: string[];
  categoryIds: number[];
  startsAt: string;
  endsAt: string;
  enabled: boolean;
  position: number;
}
