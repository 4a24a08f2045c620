export { createFrameLoader, type FrameLoader } from './frame.js';
export { renderErrorPage, renderNotFoundPage } from './not-found-page.js';
export { DEFAULT_SETTINGS, loadSettings, settingsSchema, writeSettings, type Settings } from './settings.js';
export { updateSiteSettings } from './service.js';
