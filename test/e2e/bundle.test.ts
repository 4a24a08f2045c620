import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binNodeOptions, bundle } from '../../scripts/bundle.mjs';
import { walProgress } from '../sqlite-wal.js';
import { HttpBrowser } from './http-browser.js';
import { type BroadsideProcess, startBroadside } from './processes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * What `npm install && npm start` runs is a bundle of src/bin.ts (scripts/bundle.mjs), not src/
 * itself: these tests build one the same way and run it as a real process, so a module that
 * breaks when bundled, or a lazily loaded part that is missing from it, fails here.
 */
describe('the bundled broadside command', () => {
  let out: string;
  let data: string;
  let entry: string;
  let site: BroadsideProcess;
  const env = () => ({ BROADSIDE_DATA: data, LOG_LEVEL: 'warn' });
  const run = (...args: string[]) => promisify(execFile)(process.execPath, [entry, ...args], { cwd: ROOT, env: { ...process.env, ...env() } });

  beforeAll(async () => {
    // Two folders below the project root, as dist/bundle/ is: the bundle finds public/ there.
    fs.mkdirSync(path.join(ROOT, '.test-tmp'), { recursive: true });
    out = fs.mkdtempSync(path.join(ROOT, '.test-tmp', 'bundle-'));
    entry = path.join(out, 'broadside.js');
    await bundle({ entry: path.join(ROOT, 'src', 'bin.ts'), outdir: out, name: 'broadside' });
    data = path.join(out, 'data');
    site = await startBroadside(['start'], env(), [...binNodeOptions(ROOT), entry]);
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('starts an empty site with the demo newsroom and serves its home page, an article and the stylesheet', async () => {
    expect(site.lines).toContain('Demo loaded: 43 posts, 2 pages.');
    const browser = new HttpBrowser(site.url);
    const home = await browser.get('/');
    expect(home.status).toBe(200);
    const article = home.body.match(/<a href="(\/\d{4}\/\d{2}\/[a-z0-9-]+\/)"/)?.[1];
    const stylesheet = home.body.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
    expect(article).toBeDefined();
    expect(stylesheet).toMatch(/^\/assets\/site\.css\?v=/);
    const page = await browser.get(article!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<article');
    const css = await browser.get(stylesheet!);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('runs with the Node options of bin/broadside.js, which npm start passes too', async () => {
    const options = binNodeOptions(ROOT);
    expect(options).toEqual(['--max-semi-space-size=4', '--heap-growing-percent=30']);
    const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe(`node ${options.join(' ')} bin/broadside.js start`);
    const status = fs.readFileSync(`/proc/${site.child.pid}/cmdline`, 'utf8').split('\0');
    expect(status).toEqual(expect.arrayContaining(options));
  });

  it('starts from the V8 code cache the build made for the options of bin/broadside.js, and without it under other options', async () => {
    const report = async (nodeOptions: string[]) => {
      const { stderr } = await promisify(execFile)(process.execPath, [...nodeOptions, entry, '--help'], {
        cwd: ROOT, env: { ...process.env, ...env(), BROADSIDE_CODE_CACHE: 'report' },
      });
      return stderr.match(/^code cache: (\w+)/m)?.[1];
    };
    expect(await report(binNodeOptions(ROOT))).toBe('accepted');
    expect(await report([...binNodeOptions(ROOT), '--max-old-space-size=300'])).toBe('absent');
  });

  it('sends mail through the lazily loaded mailer: a password reset link lands in the outbox folder', async () => {
    await promisify(execFile)('sh', ['-c', `echo 'a long enough password here' | "${process.execPath}" "${entry}" user create --email ed@lantern.example --name Ed --role editor`], {
      cwd: ROOT, env: { ...process.env, ...env() },
    });
    const browser = new HttpBrowser(site.url);
    await browser.get('/admin/password-reset');
    const asked = await browser.post('/admin/password-reset', { email: 'ed@lantern.example' });
    expect(asked.status).toBeLessThan(400);
    const outbox = path.join(data, 'outbox');
    await expect.poll(() => (fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []), { timeout: 15_000 }).toHaveLength(1);
    const mail = fs.readFileSync(path.join(outbox, fs.readdirSync(outbox).find((f) => f.endsWith('.eml'))!), 'utf8');
    expect(mail).toMatch(/^To: ed@lantern\.example/m);
    expect(mail).toContain('/admin/password-reset/');
  });

  it('copies its SQLite WAL into the database from the checkpoint thread it starts from the bundle', async () => {
    // A small write (a password reset asked for): far below the 1,000 pages at which SQLite
    // would checkpoint in the commit; only the checkpoint thread copies it into the database.
    const browser = new HttpBrowser(site.url);
    await browser.get('/admin/password-reset');
    expect((await browser.post('/admin/password-reset', { email: 'nobody@lantern.example' })).status).toBeLessThan(400);
    const file = path.join(data, 'broadside.sqlite');
    await expect.poll(() => {
      const wal = walProgress(file);
      return wal !== null && wal.frames > 0 && wal.backfilled === wal.frames;
    }, { timeout: 15_000 }).toBe(true);
    expect(site.logs().filter((line) => /checkpoint/.test(String(line.msg)))).toEqual([]);
  });

  it('writes a backup with the lazily loaded export code, and reads it back into an empty site', async () => {
    const file = path.join(out, 'site.json');
    const exported = await run('export', file);
    expect(exported.stdout).toMatch(/^Exported .*\bposts 43\b/m);
    const second = fs.mkdtempSync(path.join(out, 'second-'));
    const imported = await promisify(execFile)(process.execPath, [entry, 'import', 'broadside', file], { cwd: ROOT, env: { ...process.env, BROADSIDE_DATA: second } });
    expect(imported.stdout).toMatch(/^Imported .*\bposts 43\b/m);
  });
});
