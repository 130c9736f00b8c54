import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findExecutable, installCommand, planPreflight } from './preflight';

describe('planPreflight', () => {
  it('goes ahead when nothing is missing, whoever runs it', () => {
    expect(planPreflight({ missing: [], isRoot: false, hasApt: false })).toEqual({ action: 'ready' });
  });

  it('as root on Debian installs only the missing packages, by their Debian names', () => {
    expect(planPreflight({ missing: ['az', 'nginx'], isRoot: true, hasApt: true })).toEqual({ action: 'install', packages: ['azure-cli', 'nginx'] });
    expect(planPreflight({ missing: ['chromium'], isRoot: true, hasApt: true })).toEqual({ action: 'install', packages: ['chromium'] });
  });

  it('without root stops with what is missing and the one sudo command that installs it', () => {
    const plan = planPreflight({ missing: ['chromium', 'nginx'], isRoot: false, hasApt: true });
    expect(plan.action).toBe('stop');
    const message = plan.action === 'stop' ? plan.message : '';
    expect(message).toContain('npm test needs Chromium (/usr/bin/chromium), nginx, which this machine lacks. No test was run.');
    expect(message).toContain('\n  sudo apt-get update && sudo apt-get install -y chromium nginx\n');
    expect(message).not.toContain('azure-cli');
  });

  it('without apt-get stops even as root, and still names the Debian command', () => {
    const plan = planPreflight({ missing: ['az'], isRoot: true, hasApt: false });
    expect(plan.action).toBe('stop');
    const message = plan.action === 'stop' ? plan.message : '';
    expect(message).toContain('the Azure CLI (az)');
    expect(message).toContain('This machine has no apt-get');
    expect(message).toContain('  apt-get update && apt-get install -y azure-cli');
  });
});

describe('installCommand', () => {
  it('needs sudo only when not root', () => {
    expect(installCommand(['nginx'], true)).toBe('apt-get update && apt-get install -y nginx');
    expect(installCommand(['chromium', 'azure-cli'], false)).toBe('sudo apt-get update && sudo apt-get install -y chromium azure-cli');
  });
});

describe('findExecutable', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function tempDirWith(files: Record<string, number>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-'));
    dirs.push(dir);
    for (const [name, mode] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode });
    return dir;
  }

  it('finds an executable on the PATH, or in the extra directories (nginx lives in /usr/sbin)', () => {
    const bin = tempDirWith({ az: 0o755 });
    const sbin = tempDirWith({ nginx: 0o755 });
    expect(findExecutable('az', bin)).toBe(path.join(bin, 'az'));
    expect(findExecutable('nginx', bin)).toBeUndefined();
    expect(findExecutable('nginx', bin, [sbin])).toBe(path.join(sbin, 'nginx'));
  });

  it('ignores a file that is not executable, and directories', () => {
    const dir = tempDirWith({ az: 0o644 });
    fs.mkdirSync(path.join(dir, 'nginx'));
    // Root may read anything but executes only files with an x bit.
    expect(findExecutable('az', dir)).toBeUndefined();
    expect(findExecutable('nginx', dir)).toBeUndefined();
  });
});
