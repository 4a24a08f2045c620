#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=30
// The `broadside` command: src/bin.ts, bundled into dist/bundle/ by `npm run build` (run by
// `npm install` and `npm start`); one file starts several times faster than ~1,300 modules.
// The first line's Node options bound a serving process's memory under load. V8's young
// generation stays at 4 MB per half instead of 16 (~40 MB lower). And V8 collects the old
// generation once it grew 30% past what survived the last full collection, instead of letting
// it grow up to fourfold first (on a machine with a few GB of RAM): the server keeps ~30 MB of
// live objects, but what requests in flight hold at a young collection is promoted and dies
// old, so the old generation filled with up to ~100 MB of garbage before a full collection
// (peak RSS 177-216 MB on the bench site; ~140 MB with this). The price is a few more full
// collections, ~40 ms of CPU each. `npm start` passes the same options; pass them too when you
// run `node bin/broadside.js`.
import '../dist/bundle/broadside.js';
