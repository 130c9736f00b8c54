/**
 * One command for the whole product: the local Azure (unless real Azure is configured) and the portal.
 *   --mode=production  build if needed, then the standalone server the Dockerfile ships (npm start)
 *   --mode=development `next dev` with hot reload (npm run dev)
 *   --mode=emulator    only the two stand-ins, for scripts, SDKs and the Azure CLI (npm run emulator)
 * Ctrl-C stops everything it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { localPortalEnv, readEmulatorConfig } from '../emulator/config';
import { DEMO_PASSWORD, DEMO_SERVICE_PRINCIPAL, DEMO_USERS } from '../emulator/demo-world';
import { tlsPaths } from '../emulator/tls';
import { copyStaticAssets, distDirName, listenEnv, standaloneDir } from './standalone-server';

type Mode = 'production' | 'development' | 'emulator';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function parseMode(argv: string[]): Mode {
  const mode = argv.find((arg) => arg.startsWith('--mode='))?.slice('--mode='.length) ?? 'production';
  if (mode !== 'production' && mode !== 'development' && mode !== 'emulator') throw new Error(`Unknown mode '${mode}'`);
  return mode;
}

/** Real Azure is used when the portal has an Entra app registration to sign in with. */
function usesRealAzure(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AZURE_CLIENT_ID && env.AZURE_TENANT_ID);
}

const children = new Set<ChildProcess>();

function stopAll(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${label} stopped (${signal ?? code}); stopping the rest.`);
      stopAll(code ?? 1);
    }
  });
  return child;
}

/** Starts the stand-ins in their own process (so they can be killed and restarted on their own). */
function startEmulator(env: NodeJS.ProcessEnv, seedArgs: string[]): Promise<void> {
  const child = run(bin('tsx'), [path.join(root, 'emulator/main.ts'), ...seedArgs], env, 'The local Azure');
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('CA certificate')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => reject(new Error('The local Azure did not start')));
  });
}

/** The production build is redone when a source file is newer than the last build. */
function buildIsStale(distDir: string): boolean {
  const buildId = path.join(root, distDir, 'BUILD_ID');
  if (!fs.existsSync(buildId) || !fs.existsSync(path.join(standaloneDir(distDir), 'server.js'))) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newerThanBuild = (entry: string): boolean => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return false;
    const stat = fs.statSync(full);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return fs.readdirSync(full).some((name) => newerThanBuild(path.join(entry, name)));
  };
  // Everything the production build reads.
  return [
    'app',
    'components',
    'lib',
    'public',
    'proxy.ts',
    'next.config.js',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.portal.json',
  ].some(newerThanBuild);
}

/** The settings lib/config/portal-config.ts reads; none of them may shape a build that serves every configuration. */
const PORTAL_SETTINGS = ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_AUTHORITY', 'ARM_ENDPOINT'];

function withoutPortalSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const buildEnv = { ...env };
  for (const name of PORTAL_SETTINGS) delete buildEnv[name];
  return buildEnv;
}

let stopping = false;

async function main() {
  const mode = parseMode(process.argv.slice(2));
  const seedArgs = process.argv.slice(2).filter((arg) => arg.startsWith('--seed='));
  const config = readEmulatorConfig();
  const env: NodeJS.ProcessEnv = { ...process.env };
  const local = !usesRealAzure(env) || mode === 'emulator';

  process.once('SIGINT', () => {
    stopping = true;
    stopAll(0);
  });
  process.once('SIGTERM', () => {
    stopping = true;
    stopAll(0);
  });

  if (local) {
    await startEmulator(env, seedArgs);
    // The portal signs in against the local provider and calls the local ARM, over TLS signed by the local CA.
    Object.assign(env, localPortalEnv(config));
    env.NODE_EXTRA_CA_CERTS = tlsPaths(config.stateDir).ca;
  }
  if (mode === 'emulator') {
    printEmulatorHelp();
    return;
  }

  if (mode === 'production') {
    const distDir = distDirName(env);
    if (buildIsStale(distDir)) {
      console.log('Building the portal (next build)...');
      // Built without the portal's settings, as the Dockerfile builds it: they are read at runtime only.
      const build = spawnSync(bin('next'), ['build'], { cwd: root, env: withoutPortalSettings(env), stdio: 'inherit' });
      if (build.status !== 0) stopAll(build.status ?? 1);
    }
    copyStaticAssets(distDir, standaloneDir(distDir));
    run(process.execPath, [path.join(standaloneDir(distDir), 'server.js')], { ...env, ...listenEnv(config.portalPort) }, 'The portal');
  } else {
    run(bin('next'), ['dev', '-p', String(config.portalPort)], env, 'The portal');
  }
  const portal = `http://localhost:${config.portalPort}`;
  console.log(`Portal         ${portal}`);
  if (local) {
    printEmulatorHelp();
  } else {
    console.log(`Signing in with Microsoft Entra ID (tenant ${env.AZURE_TENANT_ID}).`);
  }
}

function printEmulatorHelp() {
  const users = Object.values(DEMO_USERS).map((user) => user.upn).join(', ');
  console.log(
    [
      `Demo sign-ins  ${users} (password '${DEMO_PASSWORD}')`,
      `Automation     service principal ${DEMO_SERVICE_PRINCIPAL.clientId}, secret ${DEMO_SERVICE_PRINCIPAL.secret}`,
      `Azure CLI      see README.md, "The Azure CLI against the local Azure"`,
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
