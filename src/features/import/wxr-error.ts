// Its own file, without the XML parser, so code that only recognises the error (the import job,
// the command line) does not load the parser until an import starts.

/** The file is not a well-formed WordPress export: where, and why. */
export class WxrError extends Error {
  override name = 'WxrError';
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}
