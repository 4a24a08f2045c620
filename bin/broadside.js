#!/usr/bin/env node
// The `broadside` command: src/bin.ts, bundled into dist/bundle/ by `npm run build` (run by
// `npm install` and `npm start`); one file starts several times faster than ~1,300 modules.
import '../dist/bundle/broadside.js';
