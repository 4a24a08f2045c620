export { feedLinks, type FeedFormatName, feedPath } from './feed-links.js';
export { archivePageMetadata, siteFeeds, type TermPageFacts, termPageMetadata } from './page-metadata.js';
export {
  type ArticleFacts, articleOpenGraph, collectionPageJsonLd, newsArticleJsonLd, webSiteJsonLd,
} from './structured-data.js';
