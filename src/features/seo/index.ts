export { feedLinks, type FeedFormatName, feedPath } from './feed-links.js';
export { archivePageMetadata, siteFeeds, type TermPageFacts, termPageMetadata } from './page-metadata.js';
export {
  type ArticleFacts, articleOpenGraph, collectionPageJsonLd, newsArticleJsonLd, webPageJsonLd, webSiteJsonLd,
} from './structured-data.js';
