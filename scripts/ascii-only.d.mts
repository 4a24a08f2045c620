/** See ascii-only.mjs: `code` with its non-ASCII characters escaped, and its source map moved to match. */
export function escapeNonAscii<M extends { mappings: string } | undefined>(code: string, map: M): { code: string; map: M; escaped: number };
