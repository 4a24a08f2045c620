#!/usr/bin/env node
// `npm run build`: bundles the `broadside` process (src/bin.ts) and everything it imports, except
// native and optional modules, into dist/bundle/broadside.js. Node then reads a few files instead
// of ~1,300, which was most of the server's cold start. Code loaded with import() (payments, mail,
// imports and exports) goes into chunks of its own, read only when first used. esbuild only
// strips the types: `npm test` type-checks with tsc. bench/run.mjs and a test bundle the same way.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bundles `entry` (TypeScript or JavaScript) into `outdir`/`name`.js plus its lazily loaded chunks
 * and source maps (`node --enable-source-maps` shows the TypeScript lines in stack traces).
 * The bundle must sit two folders below the folder holding public/, as dist/http/ does, because
 * static-assets.js finds public/ at '../../public/' from itself. Empties `outdir` first, so no
 * chunk of an earlier build stays behind. Resolves with the bytes written.
 */
export async function bundle({ entry, outdir, name, minify = true }) {
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { [name]: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Names stay readable in stack traces; whitespace and syntax shrink what V8 has to parse.
    minifyWhitespace: minify,
    minifySyntax: minify,
    // The native SQLite binding is found on disk by its package; pg-native is an optional extra of pg.
    external: ['better-sqlite3', 'pg-native'],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  return Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
}

/** The Node options `bin/broadside.js` runs with: those on its first line, after `node`. */
export function binNodeOptions(root) {
  const first = fs.readFileSync(path.join(root, 'bin', 'broadside.js'), 'utf8').split('\n', 1)[0];
  return first.replace(/^#!.*?\bnode\b/, '').trim().split(/\s+/).filter(Boolean);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const bytes = await bundle({ entry: path.join(root, 'src', 'bin.ts'), outdir: path.join(root, 'dist', 'bundle'), name: 'broadside' });
  console.log(`bundle: dist/bundle/broadside.js and its chunks, ${(bytes / 1e6).toFixed(1)} MB with source maps`);
}
