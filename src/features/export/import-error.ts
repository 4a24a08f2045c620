/** Why an import stopped; nothing of it was written. The message names the record and the reason. */
export class ImportError extends Error {
  override name = 'ImportError';
}
