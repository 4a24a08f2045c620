/** The words of the donate page, drive pages and the monthly-donation portal (features/funding). */
export interface FundingMessages {
  donateTitle: string;
  donateIntro: string;
  /** The drive a gift from this form goes to. */
  givingTo: (drive: string) => string;
  amount: string;
  otherAmount: string;
  currency: string;
  frequency: string;
  oneOff: string;
  monthly: string;
  perMonth: (amount: string) => string;
  publicName: string;
  publicNameNote: string;
  email: string;
  emailNote: string;
  donateButton: string;
  stripeNote: string;
  otherWays: string;
  noCardPayments: string;
  bankTransfer: string;
  cancelled: string;
  thanksTitle: string;
  thanksText: string;
  /** "€1,250 raised of €5,000". */
  raisedOf: (raised: string, target: string) => string;
  percent: (n: number) => string;
  supporters: (n: number) => string;
  progressLabel: (title: string) => string;
  thankYouList: string;
  anonymous: string;
  noSupportersYet: string;
  giveToDrive: string;
  driveEnded: string;
  driveDates: (start: string, end: string | null) => string;
  manageLink: string;
  manageTitle: string;
  manageIntro: string;
  manageEmail: string;
  manageButton: string;
  manageSent: string;
  /** A mailed portal link that is forged, expired or no longer leads to a donation. */
  linkInvalid: string;
  /** The page a mailed link opens: one button, so that opening the link changes nothing. */
  portalTitle: string;
  portalIntro: string;
  portalButton: string;
  /** Stripe could not open the portal (down, or the portal is not enabled). */
  portalUnavailable: string;
  tooManyRequests: string;
  mailSubject: (site: string) => string;
  /** The mail with the link, or with one "€10 a month: link" line per monthly gift. */
  mailBody: (site: string, links: string[]) => string;
  errorSummary: string;
  errors: Record<'amountInvalid' | 'amountTooSmall' | 'emailInvalid' | 'currencyInvalid' | 'nameTooLong' | 'unavailable', string>;
}
