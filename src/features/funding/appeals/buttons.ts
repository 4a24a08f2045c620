/**
 * The buttons of an appeal: where each kind leads, and the check its URL must pass. Readers'
 * browsers only ever follow a plain link: nothing is loaded from PayPal or any other host.
 */

export const BUTTON_KINDS = ['donate', 'paypal', 'patreon', 'liberapay', 'opencollective', 'url'] as const;
export type ButtonKind = (typeof BUTTON_KINDS)[number];

export interface AppealButton {
  kind: ButtonKind;
  label: string;
  /** '/donate/' for the built-in donate page; otherwise an https URL. */
  url: string;
}

/** The address of the built-in donate page (features/funding). */
export const DONATE_PATH = '/donate/';

interface KindRule {
  /** Shown in the admin's choice of kinds. */
  name: string;
  /** The label when the admin leaves it empty. */
  defaultLabel: string;
  /** Hosts the link must be on (subdomains included); none: any https host. */
  hosts: string[];
}

export const BUTTON_RULES: Readonly<Record<ButtonKind, KindRule>> = {
  donate: { name: 'Our donate page', defaultLabel: 'Donate', hosts: [] },
  paypal: { name: 'PayPal donate link', defaultLabel: 'Donate with PayPal', hosts: ['paypal.com', 'paypal.me'] },
  patreon: { name: 'Patreon', defaultLabel: 'Become a patron', hosts: ['patreon.com'] },
  liberapay: { name: 'Liberapay', defaultLabel: 'Give on Liberapay', hosts: ['liberapay.com'] },
  opencollective: { name: 'Open Collective', defaultLabel: 'Back us on Open Collective', hosts: ['opencollective.com'] },
  url: { name: 'Any web address', defaultLabel: 'Support us', hosts: [] },
};

export const isButtonKind = (value: string): value is ButtonKind => (BUTTON_KINDS as readonly string[]).includes(value);

/**
 * Checks a button's URL for its kind and returns it normalised, or the reason it is refused.
 * The built-in page is always DONATE_PATH; every other kind needs an https URL with a host
 * (no credentials), on the service's own host for the named services.
 */
export function checkButtonUrl(kind: ButtonKind, text: string): { url: string } | { error: string } {
  if (kind === 'donate') return { url: DONATE_PATH };
  const trimmed = text.trim();
  if (!trimmed) return { error: 'Enter the web address the button leads to' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { error: 'Enter a full web address starting with https://' };
  }
  if (url.protocol !== 'https:') return { error: 'Only https:// addresses are allowed' };
  if (!url.hostname || url.username || url.password) return { error: 'Enter a web address without a user name or password' };
  const { hosts, name } = BUTTON_RULES[kind];
  const host = url.hostname.toLowerCase();
  if (hosts.length && !hosts.some((h) => host === h || host.endsWith(`.${h}`))) {
    return { error: `A ${name} address is on ${hosts.join(' or ')}` };
  }
  return { url: url.href };
}

/** Parses the stored JSON of an appeal's buttons; anything malformed is left out. */
export function parseButtons(json: string): AppealButton[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((b: Partial<AppealButton>) => {
    if (!b || typeof b.kind !== 'string' || !isButtonKind(b.kind) || typeof b.label !== 'string' || typeof b.url !== 'string') return [];
    const checked = checkButtonUrl(b.kind, b.url);
    return 'url' in checked ? [{ kind: b.kind, label: b.label, url: checked.url }] : [];
  });
}
