#!/usr/bin/env node
// Prepares what the test suite needs on this machine, so `npm test` alone is enough:
// Debian's Chromium for the browser tests and a running PostgreSQL at 127.0.0.1:5432.
// Prints what it does; exits non-zero with one clear line when something cannot be provided.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  return result.status === 0;
}

function ensureDebianPackages(packages) {
  const missing = packages.filter(({ check }) => !existsSync(check));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  console.log(`test-env: installing ${names.join(', ')} from Debian's packages…`);
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) => run(asRoot[0] ?? 'apt-get', asRoot.length ? ['apt-get', ...args] : args);
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  if (!apt('install', '-y', '-q', '--no-install-recommends', ...names)) {
    apt('update', '-q');
    if (!apt('install', '-y', '-q', '--no-install-recommends', ...names)) {
      console.error(`test-env: could not install ${names.join(', ')}; install them with apt-get and rerun.`);
      process.exit(1);
    }
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return;
  if (await portOpen(5432)) return;
  console.log('test-env: PostgreSQL is down; starting it…');
  let versions = [];
  try { versions = readdirSync('/etc/postgresql'); } catch {}
  if (versions.length === 0) {
    console.error('test-env: no PostgreSQL cluster in /etc/postgresql; set TEST_DATABASE_URL to a server.');
    process.exit(1);
  }
  try {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start'], { stdio: 'inherit' });
  } catch {}
  for (let i = 0; i < 50 && !(await portOpen(5432)); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await portOpen(5432))) {
    console.error('test-env: PostgreSQL did not start on 127.0.0.1:5432.');
    process.exit(1);
  }
}

ensureDebianPackages([
  { name: 'chromium', check: CHROMIUM },
  { name: 'libxml2-utils', check: '/usr/bin/xmllint' },
]);
await ensurePostgres();
