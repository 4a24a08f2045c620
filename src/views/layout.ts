import { markFragment, SIDEBAR_FRAGMENT } from '../features/cache/index.js';
import { html, type SafeHtml } from '../lib/html.js';
import type { Frame, PageMeta } from './frame.js';
import { headMetadata } from './metadata.js';

/**
 * The HTML document around every public page. Returns the complete document as a string.
 * With `frame.sidebar`, the main content and the sidebar (an `aside` landmark after it, so it
 * comes below the article on a phone and beside it on a wide screen) share a `.columns` box.
 * With `frame.sidebarKey` too, the sidebar is marked as a fragment the page cache keeps apart.
 */
export function layout(frame: Frame, meta: PageMeta, main: SafeHtml): string {
  const { settings, t } = frame;
  const base = settings.baseUrl;
  // The site's own name and tagline are in its default language, even on a page in another.
  const siteLang = settings.defaultLanguage !== frame.lang ? html` lang="${settings.defaultLanguage}"` : '';
  const fullTitle = meta.title === settings.title ? settings.title : `${meta.title} — ${settings.title}`;
  return `<!doctype html>\n${html`<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${meta.description ? html`<meta name="description" content="${meta.description}">` : ''}
${meta.noindex ? html`<meta name="robots" content="noindex">` : ''}
${meta.canonicalPath ? html`<link rel="canonical" href="${base + meta.canonicalPath}">` : ''}
${(meta.alternates ?? []).map((a) => html`<link rel="alternate" hreflang="${a.hreflang}" href="${base + a.path}">`)}
${headMetadata(frame, meta)}
<link rel="stylesheet" href="${frame.stylesheet}">
</head>
<body>
<a class="skip" href="#content">${t.skipToContent}</a>
<header class="site-header">
<p class="site-title"${siteLang}><a href="/" rel="home">${settings.title}</a></p>
${settings.tagline ? html`<p class="tagline"${siteLang}>${settings.tagline}</p>` : ''}
<nav aria-label="${t.mainNavigation}"><ul>
<li><a href="/">${t.home}</a></li>
${frame.nav.map((item) => html`<li><a href="${item.path}"${item.lang !== frame.lang ? html` lang="${item.lang}"` : ''}>${item.title}</a></li>`)}
</ul></nav>
</header>
${frame.sidebar ? html`<div class="columns">
${mainElement(main)}
<aside class="sidebar" aria-label="${t.archiveSidebar}">
${frame.sidebarKey === undefined ? frame.sidebar : markFragment(SIDEBAR_FRAGMENT, frame.sidebarKey, frame.sidebar)}
</aside>
</div>` : mainElement(main)}
<footer class="site-footer">
<p>© ${settings.title} · ${t.poweredBy}</p>
</footer>
</body>
</html>`}\n`;
}

const mainElement = (main: SafeHtml) => html`<main id="content">
${main}
</main>`;
