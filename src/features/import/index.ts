export type { ImportProgress, WordpressImportDeps, WordpressImportOptions } from './wordpress-import.js';
export { loadImportWordpress } from './load-importer.js';
export { countsInOrder, describeSummary, emptySummary, type ImportSummary } from './summary.js';
export { WxrError } from './wxr-error.js';
export { registerUploads } from './media-routes.js';
export { type ImportJobDeps, importJobHandlers } from './import-job.js';
export {
  findImportRun, IMPORT_JOB, importJobKind, type ImportRun, type ImportRunOptions, listImportRuns, type NewImportRun, retryImportRun, startImportRun,
} from './runs.js';
export { IMPORTS_DIR, importsFolderId, removeUpload, storeUpload, type StoredUpload, type UploadStream } from './upload-file.js';
