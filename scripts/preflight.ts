/**
 * What `npm test` needs from the machine besides node_modules: Debian's Chromium (the browser tests), the Azure
 * CLI (the emulator's conformance tests) and nginx (two portal instances behind a load balancer). Checked before
 * any test runs: as root on Debian the missing ones are installed with apt-get; anywhere else the run stops at
 * once with one message and the one command to run, instead of failing tests one by one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH } from '../e2e/support/chromium';

export interface Requirement {
  /** The Debian package that provides it. */
  debianPackage: string;
  /** How the message names it. */
  description: string;
}

export const REQUIREMENTS = {
  chromium: { debianPackage: 'chromium', description: `Chromium (${CHROMIUM_PATH})` },
  az: { debianPackage: 'azure-cli', description: 'the Azure CLI (az)' },
  nginx: { debianPackage: 'nginx', description: 'nginx' },
} as const satisfies Record<string, Requirement>;

export type RequirementName = keyof typeof REQUIREMENTS;

/** What the decision needs to know about the machine. */
export interface MachineFacts {
  missing: RequirementName[];
  isRoot: boolean;
  /** Debian (or a derivative) with apt-get on the PATH. */
  hasApt: boolean;
}

export type PreflightPlan =
  | { action: 'ready' }
  | { action: 'install'; packages: string[] }
  | { action: 'stop'; message: string };

export function installCommand(packages: string[], asRoot: boolean): string {
  const sudo = asRoot ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`;
}

export function planPreflight(facts: MachineFacts): PreflightPlan {
  if (facts.missing.length === 0) return { action: 'ready' };
  const packages = facts.missing.map((name) => REQUIREMENTS[name].debianPackage);
  if (facts.isRoot && facts.hasApt) return { action: 'install', packages };
  return { action: 'stop', message: missingMessage(facts.missing, facts) };
}

function missingMessage(missing: RequirementName[], facts: Pick<MachineFacts, 'isRoot' | 'hasApt'>, failure?: string): string {
  const names = missing.map((name) => REQUIREMENTS[name].description).join(', ');
  const command = installCommand(
    missing.map((name) => REQUIREMENTS[name].debianPackage),
    facts.isRoot,
  );
  const where = facts.hasApt ? 'Run' : 'This machine has no apt-get: install what is missing with its package manager; on Debian or Ubuntu, run';
  return [
    `npm test needs ${names}, which this machine lacks${failure ? ` (${failure})` : ''}. No test was run.`,
    `${where}:`,
    '',
    `  ${command}`,
    '',
    'then npm test again.',
  ].join('\n');
}

/** The first executable called `name` on the PATH or in `extraDirs`. */
export function findExecutable(name: string, searchPath = process.env.PATH ?? '', extraDirs: string[] = []): string | undefined {
  for (const dir of [...searchPath.split(path.delimiter), ...extraDirs]) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** nginx lives in /usr/sbin, which an ordinary user's PATH often leaves out. */
export function findNginx(): string | undefined {
  return findExecutable('nginx', process.env.PATH, ['/usr/sbin', '/usr/local/sbin']);
}

function missingRequirements(): RequirementName[] {
  const present: Record<RequirementName, boolean> = {
    chromium: fs.existsSync(CHROMIUM_PATH),
    az: findExecutable('az') !== undefined,
    nginx: findNginx() !== undefined,
  };
  return (Object.keys(present) as RequirementName[]).filter((name) => !present[name]);
}

function machineFacts(): MachineFacts {
  return {
    missing: missingRequirements(),
    isRoot: process.getuid?.() === 0,
    hasApt: fs.existsSync('/etc/debian_version') && findExecutable('apt-get') !== undefined,
  };
}

function aptGet(args: string[]): boolean {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/** Installs what is missing when it can; otherwise prints why and how, and exits before any test. */
export function ensureTestMachine(): void {
  const facts = machineFacts();
  const plan = planPreflight(facts);
  if (plan.action === 'ready') return;
  if (plan.action === 'install') {
    console.log(`Installing what npm test needs: ${plan.packages.join(' ')}`);
    const installed = aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', ...plan.packages]);
    const stillMissing = missingRequirements();
    if (stillMissing.length === 0) return;
    console.error(missingMessage(stillMissing, facts, installed ? 'apt-get installed the packages, yet they are not there' : 'apt-get failed'));
  } else {
    console.error(plan.message);
  }
  process.exit(1);
}
