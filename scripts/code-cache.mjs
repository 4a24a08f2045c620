// The loader that scripts/bundle.mjs writes beside the bundle: it runs the CommonJS bundle as
// Node would, but compiled through vm.Script with V8's code cache, which Node 20 offers for no
// module it loads itself (module.enableCompileCache came in Node 22). V8 then deserializes the
// functions a server ran last time instead of parsing and compiling 5 MB of code again.
import crypto from 'node:crypto';

/** A short hex digest of the bundle's bytes: a cache is only ever used with the bundle it was made from. */
export function bundleDigest(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/**
 * The loader's source (an ES module) for the bundle `bundleFile` beside it, whose digest is
 * `digest`. The bundle is pure ASCII (ascii-only.mjs), so it is read as latin1: no decoding, and
 * V8 keeps it at one byte a character. The cache sits beside the bundle, one file per Node
 * version, architecture and set of
 * Node options (V8 refuses a cache made under other flags), named
 * `<bundle>.<key>.v8-cache`. It is written only when BROADSIDE_CODE_CACHE=write, as the process
 * exits (bundle.mjs does that at build time), atomically (a temporary file renamed), so a
 * running server never writes into its install folder. BROADSIDE_CODE_CACHE=report prints on
 * stderr whether V8 took the cache (\`code cache: accepted|rejected|absent FILE\`). A missing or refused cache only means
 * V8 compiles from source as usual. With source maps on (`node --enable-source-maps`) the
 * bundle is required as a plain CommonJS file, so Node maps its stack traces.
 */
export function loaderSource(bundleFile, digest) {
  return `// Written by scripts/bundle.mjs (see scripts/code-cache.mjs): runs ${bundleFile} with V8's code cache.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL(${JSON.stringify(`./${bundleFile}`)}, import.meta.url));
const require = createRequire(file);
if (process.sourceMapsEnabled) {
  require(file);
} else {
  let hash = 0x811c9dc5;
  for (const c of \`${digest} \${process.version} \${process.arch} \${process.execArgv.join(' ')} \${process.env.NODE_OPTIONS ?? ''}\`) {
    hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  }
  const cacheFile = \`\${file.slice(0, -'.cjs'.length)}.${digest}-\${hash.toString(16)}.v8-cache\`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {}
  const source = fs.readFileSync(file, 'latin1');
  const script = new vm.Script(\`(function (exports, require, module, __filename, __dirname) {\${source}\\n})\`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (process.env.BROADSIDE_CODE_CACHE === 'report') {
    process.stderr.write(\`code cache: \${cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'absent'} \${cacheFile}\\n\`);
  }
  if (process.env.BROADSIDE_CODE_CACHE === 'write') {
    process.once('exit', () => {
      const temporary = \`\${cacheFile}.\${process.pid}\`;
      try {
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      } catch (error) {
        fs.rmSync(temporary, { force: true });
        process.stderr.write(\`broadside: could not write the code cache \${cacheFile}: \${error.message}\\n\`);
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, path.dirname(file));
}
`;
}
