/** See bundle.mjs: bundles `entry` into `outdir`/`name`.js and its chunks; resolves with the bytes written. */
export function bundle(options: { entry: string; outdir: string; name: string; minify?: boolean }): Promise<number>;
/** The Node options bin/broadside.js runs with (its first line, after `node`). */
export function binNodeOptions(root: string): string[];
