/**
 * The portal's production server is Next's standalone output (`output: 'standalone'` in next.config.js):
 * `<distDir>/standalone/server.js` with only the files it needs. The Dockerfile ships it, `npm start` runs it,
 * and the browser tests run it, so what is tested is what is deployed.
 */
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** The build directory `next build` writes to (next.config.js reads the same variable). */
export function distDirName(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEXT_DIST_DIR || '.next';
}

export function standaloneDir(distDir: string): string {
  return path.join(root, distDir, 'standalone');
}

/**
 * Next leaves `public/` and `<distDir>/static` out of the standalone output (they may go to a CDN); copied
 * next to server.js, it serves them itself (Next's docs on `output`). Without them every page loads without
 * its scripts and styles.
 */
export function copyStaticAssets(distDir: string, serverDir: string): void {
  const staticTarget = path.join(serverDir, distDir, 'static');
  fs.rmSync(staticTarget, { recursive: true, force: true });
  fs.cpSync(path.join(root, distDir, 'static'), staticTarget, { recursive: true });
  fs.cpSync(path.join(root, 'public'), path.join(serverDir, 'public'), { recursive: true, force: true });
}

/**
 * A deployable copy of the build in `target`: the standalone server and its assets, nothing else. The assets
 * npm start already put beside server.js are left behind and copied afresh, as the Dockerfile does.
 */
export function copyStandaloneServer(distDir: string, target: string): void {
  const source = standaloneDir(distDir);
  const copiedBefore = new Set([path.join(source, distDir, 'static'), path.join(source, 'public')]);
  fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true, filter: (file) => !copiedBefore.has(file) });
  copyStaticAssets(distDir, target);
}

/**
 * Where server.js listens. HOSTNAME is always set: a container (or a shell) may export its own host name,
 * which server.js would otherwise bind to.
 */
export function listenEnv(port: number): Record<'PORT' | 'HOSTNAME', string> {
  return { PORT: String(port), HOSTNAME: '0.0.0.0' };
}
