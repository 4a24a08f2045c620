/** See bundle.mjs: bundles `entry` into `outdir`/`name`.cjs with its loader `name`.js (and code cache); resolves with the bytes written. */
export function bundle(options: { entry: string; outdir: string; name: string; minify?: boolean; codeCache?: boolean }): Promise<number>;
/** The Node options bin/broadside.js runs with (its first line, after `node`). */
export function binNodeOptions(root: string): string[];
