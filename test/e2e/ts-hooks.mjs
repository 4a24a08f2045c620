// Module hooks that let plain Node run Broadside's TypeScript sources, for tests that start
// real processes (test/e2e/). Each .ts file is transpiled alone with TypeScript's own
// transpileModule (types are erased, nothing is checked: `tsc --noEmit` does that), and an
// import of `./x.js` finds `./x.ts` as tsc's NodeNext resolution does. Output is cached by
// content hash under node_modules/.cache/, so the second process a test starts (and every later
// run) skips the transpiling.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// TypeScript itself takes a second to load: only on a cache miss.
let typescript;
const OPTIONS = {
  module: 'esnext',
  target: 'es2022',
  verbatimModuleSyntax: true,
  sourceMap: false,
  inlineSourceMap: true,
};

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const fromOurs = context.parentURL?.startsWith('file:') && !context.parentURL.includes('/node_modules/');
    if (!fromOurs || !specifier.endsWith('.js') || !/^\.{1,2}\//.test(specifier)) throw error;
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (!fs.existsSync(fileURLToPath(candidate))) throw error;
    return { url: candidate.href, format: 'module', shortCircuit: true };
  }
}

const VERSION = JSON.parse(fs.readFileSync(new URL('../../node_modules/typescript/package.json', import.meta.url), 'utf8')).version;
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/broadside-ts/', import.meta.url));

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const input = fs.readFileSync(file, 'utf8');
  const cached = path.join(CACHE, `${createHash('sha1').update(`${VERSION}\0${file}\0${input}`).digest('hex')}.js`);
  if (fs.existsSync(cached)) return { format: 'module', source: fs.readFileSync(cached, 'utf8'), shortCircuit: true };
  typescript ??= (await import('typescript')).default;
  const { outputText } = typescript.transpileModule(input, { compilerOptions: OPTIONS, fileName: file });
  try {
    fs.mkdirSync(CACHE, { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temp, outputText);
    fs.renameSync(temp, cached);
  } catch {
    // A read-only tree only loses the cache.
  }
  return { format: 'module', source: outputText, shortCircuit: true };
}
