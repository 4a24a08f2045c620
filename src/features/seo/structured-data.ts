import type { Settings } from '../site/index.js';
import { absoluteUrl, type JsonLd, type OpenGraph } from '../../views/metadata.js';

/**
 * OpenGraph facts and schema.org JSON-LD for public pages. Pure functions of what the page
 * shows; URLs are made absolute from the site's base URL.
 */

/** What an article page knows about its post (a `PublishedPost` fits). */
export interface ArticleFacts {
  title: string;
  standfirst: string;
  path: string;
  language: string;
  publishedAt: string;
  updatedAt: string;
  authors: { name: string; slug: string }[];
  categories: { name: string }[];
  tags: { name: string }[];
  featuredImage: { url: string; alt: string } | null;
  translations: { language: string }[];
}

const publisher = (settings: Settings): JsonLd => ({ '@type': 'Organization', name: settings.title, url: `${settings.baseUrl}/` });

/** og:type article with times, section (first category), tags, image and translations' locales. */
export function articleOpenGraph(post: ArticleFacts): OpenGraph {
  return {
    type: 'article',
    locale: post.language,
    alternateLocales: post.translations.map((t) => t.language),
    publishedTime: post.publishedAt,
    modifiedTime: post.updatedAt,
    ...(post.categories[0] ? { section: post.categories[0].name } : {}),
    tags: post.tags.map((t) => t.name),
    ...(post.featuredImage ? { image: post.featuredImage.url, imageAlt: post.featuredImage.alt } : {}),
  };
}

/** A schema.org NewsArticle for an article page. */
export function newsArticleJsonLd(post: ArticleFacts, settings: Settings): JsonLd {
  const base = settings.baseUrl;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: post.title,
    ...(post.standfirst ? { description: post.standfirst } : {}),
    author: post.authors.map((a) => ({ '@type': 'Person', name: a.name, url: `${base}/author/${a.slug}/` })),
    datePublished: post.publishedAt,
    dateModified: post.updatedAt,
    publisher: publisher(settings),
    ...(post.featuredImage ? { image: [absoluteUrl(base, post.featuredImage.url)] } : {}),
    inLanguage: post.language,
    mainEntityOfPage: { '@type': 'WebPage', '@id': base + post.path },
    ...(post.categories[0] ? { articleSection: post.categories[0].name } : {}),
    ...(post.tags.length ? { keywords: post.tags.map((t) => t.name) } : {}),
  };
}

/** A schema.org WebSite for the home page. */
export function webSiteJsonLd(settings: Settings): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: settings.title,
    url: `${settings.baseUrl}/`,
    ...(settings.tagline ? { description: settings.tagline } : {}),
    inLanguage: settings.defaultLanguage,
    publisher: publisher(settings),
  };
}

/**
 * A schema.org WebPage for a page that is neither an article nor a list of them (a static page,
 * the donation page, a fundraising drive's page), as part of the site.
 */
export function webPageJsonLd(
  settings: Settings,
  page: { name: string; path: string; description?: string; language: string; dateModified?: string },
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: page.name,
    url: settings.baseUrl + page.path,
    ...(page.description ? { description: page.description } : {}),
    inLanguage: page.language,
    ...(page.dateModified ? { dateModified: page.dateModified } : {}),
    isPartOf: { '@type': 'WebSite', name: settings.title, url: `${settings.baseUrl}/` },
    publisher: publisher(settings),
  };
}

/** A schema.org CollectionPage for an archive (category, tag, author, date). */
export function collectionPageJsonLd(
  settings: Settings,
  page: { name: string; path: string; description?: string; language: string },
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: page.name,
    url: settings.baseUrl + page.path,
    ...(page.description ? { description: page.description } : {}),
    inLanguage: page.language,
    isPartOf: { '@type': 'WebSite', name: settings.title, url: `${settings.baseUrl}/` },
  };
}
