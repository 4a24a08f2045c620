import type { FundingMessages } from './funding-messages.js';

/**
 * The shape of a message catalogue. Every interface string on a public page comes from one of
 * these; functions take what varies (names, numbers) so each language can order words its way.
 */
export interface Messages {
  /** BCP 47 tag used for Intl formatting (dates, lists, numbers). */
  locale: string;
  skipToContent: string;
  mainNavigation: string;
  home: string;
  latestArticles: string;
  byline: (names: string) => string;
  published: string;
  updated: string;
  postscript: string;
  categories: string;
  tags: string;
  alsoIn: string;
  readIn: (language: string) => string;
  previousArticle: string;
  nextArticle: string;
  articleNavigation: string;
  pagination: string;
  newerArticles: string;
  olderArticles: string;
  pageOf: (page: number, total: number) => string;
  noArticles: string;
  notFoundTitle: string;
  notFoundText: string;
  notFoundHome: string;
  errorTitle: string;
  errorText: string;
  poweredBy: string;
  footerNavigation: string;
  archiveHeading: (kind: 'category' | 'tag' | 'author', name: string) => string;
  /** The visible link to a category's, tag's or author's own feed, on its page. */
  archiveFeed: (kind: 'category' | 'tag' | 'author') => string;
  /** Reader comments under an article (features/comments). */
  comments: CommentMessages;
  /** Label of the sidebar landmark (calendar and monthly archive). */
  archiveSidebar: string;
  /** Heading of the calendar widget. */
  calendar: string;
  /** Label of the links to the previous and next months that have articles. */
  calendarMonths: string;
  /** Accessible name of a calendar day's link; `date` is already formatted ("15 January 2014"). */
  articlesOfDay: (date: string) => string;
  /** Heading of the monthly archive widget. */
  monthlyArchive: string;
  /** A valid date archive with nothing published in it. */
  dateArchiveEmpty: string;
  /** Shown on an archive narrowed to one language (`?lang=ru`); `language` is its name. */
  onlyInLanguage: (language: string) => string;
  /** Link that removes the language filter from an archive. */
  allLanguages: string;
  appeals: AppealMessages;
  /** Donate page, drives and the monthly-donation portal (features/funding). */
  funding: FundingMessages;
  /** Comment feeds: the site-wide feed's title, one article's, and each entry's. */
  commentFeeds: {
    siteTitle: (site: string) => string;
    postTitle: (post: string) => string;
    entryTitle: (post: string, name: string) => string;
  };
}

/** The words of the comment section and form; `errors` maps the comment rules' stable codes. */
export interface CommentMessages {
  /** Heading of the comment section and the count in the article header: "3 comments". */
  count: (n: number) => string;
  beFirst: string;
  closed: string;
  /** Shown above the text a reader sent after the thread closed, so they can keep it. */
  closedBeforeSent: string;
  awaitingModeration: string;
  received: string;
  leaveComment: string;
  replyTo: (name: string) => string;
  reply: string;
  cancelReply: string;
  staff: string;
  name: string;
  email: string;
  website: string;
  comment: string;
  required: string;
  emailNote: string;
  notifyReplies: string;
  submit: string;
  trap: string;
  pages: string;
  olderComments: string;
  newerComments: string;
  permalink: (name: string) => string;
  errorSummary: string;
  confirmTitle: string;
  confirmButton: string;
  confirmed: string;
  unsubscribeTitle: string;
  unsubscribeButton: string;
  unsubscribed: string;
  linkInvalid: string;
  errors: Record<
    | 'nameRequired' | 'nameTooLong' | 'emailInvalid' | 'urlInvalid' | 'bodyRequired' | 'bodyTooLong'
    | 'tooFast' | 'duplicate' | 'rateLimited' | 'replyUnavailable',
    string
  >;
}

/** Donation appeals (features/funding/appeals): the words around what the admin wrote. */
export interface AppealMessages {
  bankTransfer: string;
  accountHolder: string;
  iban: string;
  bic: string;
  reference: string;
}
