#!/usr/bin/env -S node --max-semi-space-size=4
// The `broadside` command: src/bin.ts, bundled into dist/bundle/ by `npm run build` (run by
// `npm install` and `npm start`); one file starts several times faster than ~1,300 modules.
// The first line's Node option keeps V8's young generation at 4 MB per half instead of 16: a
// serving process then peaks ~40 MB lower under load, at no measurable cost in requests per
// second. `npm start` passes the same option; pass it too when you run `node bin/broadside.js`.
import '../dist/bundle/broadside.js';
