/**
 * Adds lock entries for optional platform binaries that this machine's npm registry does not serve.
 *
 * The registry reachable here has no @next/swc-darwin-* / -win32-* and most @unrs/resolver-binding-* packages,
 * so `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as out of sync. An
 * entry with the package's os and cpu is enough for npm ci to skip it on Linux x64 without fetching it.
 * Run after any `npm install` that rewrites the lock: `npx tsx scripts/lock-platform-stubs.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';

interface LockPackage {
  version?: string;
  dev?: boolean;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const lockPath = path.resolve(import.meta.dirname, '..', 'package-lock.json');
const PLATFORM =
  /^@(?:next\/swc|unrs\/resolver-binding)-(android|darwin|freebsd|linux|openharmony|win32)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)(?:-(gnu|musl|msvc|eabi|gnueabihf|musleabihf))?$/;

const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockPackage> };
const added: string[] = [];
for (const meta of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const match = PLATFORM.exec(name);
    const key = `node_modules/${name}`;
    if (!match || key in lock.packages) continue;
    const [, os, cpu, abi] = match;
    lock.packages[key] = {
      version,
      cpu: [cpu],
      ...(meta.dev ? { dev: true } : {}),
      ...(os === 'linux' && abi ? { libc: [abi.includes('musl') ? 'musl' : 'glibc'] } : {}),
      license: 'MIT',
      optional: true,
      os: [os],
    };
    added.push(name);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added.length} platform stubs${added.length ? `: ${added.join(', ')}` : ''}`);
