export { type ImportProgress, importWordpress, type WordpressImportDeps, type WordpressImportOptions } from './wordpress-import.js';
export { describeSummary, emptySummary, type ImportSummary } from './summary.js';
export { WxrError } from './wxr-reader.js';
export { registerUploads } from './media-routes.js';
