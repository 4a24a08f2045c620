export { checkWorkersAllowed, type Primary, RESTART, startPrimary, stopPrimaryOnSignals } from './primary.js';
export { isReadyMessage, type ReadyMessage, serveAsWorker } from './worker.js';
