export { exportToFile, exportWordPressToFile, importFromFile } from './commands.js';
export { exportWordPress } from './export-wxr.js';
export { exportSite, type ExportOptions, type Progress, type ProgressListener, type SectionCounts } from './export-json.js';
export { FORMAT_NAME, FORMAT_VERSION } from './format.js';
export { ImportError } from './import-error.js';
export { importSite } from './import-json.js';
export { describeCounts, throttledProgress } from './progress.js';
export { NOT_EXPORTED, SECTIONS } from './sections.js';
