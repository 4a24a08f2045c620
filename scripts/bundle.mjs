#!/usr/bin/env node
// `npm run build`: bundles the `broadside` process (src/bin.ts) and everything it imports, except
// native and optional modules, into one CommonJS file, dist/bundle/broadside.cjs, plus a small
// loader, dist/bundle/broadside.js, which bin/broadside.js runs. Node then reads a few files
// instead of ~1,300. The loader compiles the bundle with V8's code cache (see code-cache.mjs),
// which this script fills by starting the server once on an empty site: most of a cold start was
// V8 parsing and compiling the 3 MB of code the server runs before its first page. Code loaded
// with import() (payments, mail, imports and exports, the demo) sits in the same file but is only
// compiled and run when first used. The bundle is made pure ASCII (ascii-only.mjs), so V8 holds
// its source at one byte a character. esbuild only strips the types: `npm test` type-checks with
// tsc. bench/run.mjs and a test bundle the same way.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeNonAscii } from './ascii-only.mjs';
import { bundleDigest, loaderSource } from './code-cache.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Bundles `entry` (TypeScript or JavaScript) into `outdir`/`name`.cjs with its source map, writes
 * the loader `outdir`/`name`.js that runs it, then (unless `codeCache` is false) fills the code
 * cache by running the loader's `serve` on an empty site in a temporary folder with the Node
 * options of bin/broadside.js. The bundle must sit two folders below the folder holding public/,
 * as dist/http/ does, because static-assets.js finds public/ at '../../public/' from itself.
 * Empties `outdir` first, so nothing of an earlier build stays behind. Resolves with the bytes
 * written by esbuild; a failure to fill the cache is reported on stderr, not thrown (the bundle
 * runs without it, only slower to start).
 */
export async function bundle({ entry, outdir, name, minify = true, codeCache = true }) {
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { [name]: entry },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Names stay readable in stack traces; whitespace and syntax shrink what V8 has to parse.
    minifyWhitespace: minify,
    minifySyntax: minify,
    // The native SQLite binding is found on disk by its package; pg-native is an optional extra of pg.
    external: ['better-sqlite3', 'pg-native'],
    // ESM sources read their own address (static-assets.ts finds public/ from it). Strict mode
    // for all of it, as when it was ES modules ("use strict" must come first to count).
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "'use strict'; var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const bundled = path.join(outdir, `${name}.cjs`);
  const ascii = escapeNonAscii(fs.readFileSync(bundled, 'utf8'), JSON.parse(fs.readFileSync(`${bundled}.map`, 'utf8')));
  fs.writeFileSync(bundled, ascii.code);
  fs.writeFileSync(`${bundled}.map`, JSON.stringify(ascii.map));
  fs.writeFileSync(path.join(outdir, `${name}.js`), loaderSource(`${name}.cjs`, bundleDigest(fs.readFileSync(bundled))));
  if (codeCache) await fillCodeCache(path.join(outdir, `${name}.js`), binNodeOptions(ROOT));
  return Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
}

/**
 * Starts `loader serve` on an empty site in a temporary folder with `nodeOptions`, asks for a few
 * pages, then stops it; the loader writes the code cache of those options as the process exits.
 * The cache then holds what a server compiles up to its first pages. Never throws.
 */
async function fillCodeCache(loader, nodeOptions) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-code-cache-'));
  const env = {
    PATH: process.env.PATH ?? '', HOME: os.tmpdir(), BROADSIDE_DATA: data, PORT: '0', HOST: '127.0.0.1',
    LOG_LEVEL: 'warn', NODE_ENV: 'production', BROADSIDE_CODE_CACHE: 'write',
    // Node options set here are those the processes started from here run with (the cache is per options).
    ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
  };
  const child = spawn(process.execPath, [...nodeOptions, loader, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('close', resolve));
  const collect = (chunk) => (output = (output + chunk).slice(-4000));
  child.stderr.setEncoding('utf8').on('data', collect);
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('it did not start within 60 s')), 60_000);
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        collect(chunk);
        const found = output.match(/ at (http:\/\/\S+?)\/?\s*$/m)?.[1];
        if (found) clearTimeout(timer), resolve(found);
      });
      exited.then(() => (clearTimeout(timer), reject(new Error('it exited'))));
    });
    // The pages of a cold start: the home page, an article address (404 on the empty site: the
    // article route, its queries and the error page), a feed and the stylesheet.
    for (const page of ['/', '/2020/01/an-article/', '/feed/', '/assets/site.css']) {
      await fetch(url + page).then((response) => response.arrayBuffer());
    }
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`it exited with ${code}`);
  } catch (error) {
    child.kill('SIGKILL');
    process.stderr.write(`bundle: no code cache (the server will start slower): ${error.message}\n${output}\n`);
  } finally {
    await exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
}

/** The Node options `bin/broadside.js` runs with: those on its first line, after `node`. */
export function binNodeOptions(root) {
  const first = fs.readFileSync(path.join(root, 'bin', 'broadside.js'), 'utf8').split('\n', 1)[0];
  return first.replace(/^#!.*?\bnode\b/, '').trim().split(/\s+/).filter(Boolean);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await bundle({ entry: path.join(ROOT, 'src', 'bin.ts'), outdir: path.join(ROOT, 'dist', 'bundle'), name: 'broadside' });
  console.log(`bundle: dist/bundle/broadside.cjs and its loader, ${(bytes / 1e6).toFixed(1)} MB with the source map`);
}
