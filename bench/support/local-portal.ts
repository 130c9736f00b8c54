/**
 * The product as users run it (`scripts/start.ts --mode=production`: production build, ARM emulator with the
 * scale seed, sign-in provider, portal) on the bench's own ports, build directory and state directory, so a
 * teammate's `npm start` or Playwright run is never touched. Plus the admin API and the processes' memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Agent, fetch } from 'undici';

export const root = path.resolve(import.meta.dirname, '../..');
/** BENCH_PORT_OFFSET moves the ports and the state directory, so two benches (two worktrees) can share a machine. */
export const benchPortOffset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
export const benchPorts = { portal: 3300 + benchPortOffset, arm: 4743 + benchPortOffset, identity: 4744 + benchPortOffset } as const;
export const benchStateDir = path.join(root, benchPortOffset ? `.emulator-bench-${benchPortOffset}` : '.emulator-bench');
export const portalUrl = `http://localhost:${benchPorts.portal}`;
export const armUrl = `https://localhost:${benchPorts.arm}`;

/** The environment every bench process shares: ports, state, build directory, never real Azure. */
export function benchEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(benchPorts.portal),
    ARM_EMULATOR_PORT: String(benchPorts.arm),
    IDENTITY_PORT: String(benchPorts.identity),
    EMULATOR_STATE_DIR: benchStateDir,
    NEXT_DIST_DIR: '.next-bench',
    AZURE_CLIENT_ID: '',
    AZURE_TENANT_ID: '',
  };
}

export interface LocalPortal {
  /** Process ids: the emulator's Node process and the portal server's process tree root. */
  emulatorPid(): number;
  portalPid(): number;
  admin(method: string, pathAndQuery: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

async function waitFor(what: string, timeoutMs: number, probe: () => Promise<boolean>, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what}: the start script exited (${child.exitCode}); see ${logPath()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s; see ${logPath()}`);
}

function logPath(): string {
  return path.join(benchStateDir, 'start.log');
}

interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

function processTable(): ProcInfo[] {
  const rows: ProcInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      rows.push({ pid: Number(entry), ppid, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return rows;
}

export function descendants(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const row of table) {
      if (row.ppid === parent) {
        found.push(row.pid);
        queue.push(row.pid);
      }
    }
  }
  return found;
}

/** The deepest process under `pid` whose command line matches: the real server, not a tsx or npm wrapper. */
function findServerProcess(pid: number, pattern: RegExp): number {
  const table = new Map(processTable().map((row) => [row.pid, row]));
  const matching = descendants(pid).filter((child) => pattern.test(table.get(child)?.cmdline ?? ''));
  const leaf = matching.find((candidate) => !matching.some((other) => table.get(other)?.ppid === candidate));
  if (leaf === undefined) throw new Error(`No process matching ${pattern} under ${pid}`);
  return leaf;
}

/** Resident set size of a process and all its descendants, in bytes. */
export function treeRssBytes(pid: number): number {
  let total = 0;
  for (const each of [pid, ...descendants(pid)]) {
    try {
      const status = fs.readFileSync(`/proc/${each}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
    } catch {
      // Gone.
    }
  }
  return total;
}

/** Samples a process tree's RSS until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = treeRssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(pid));
  }, everyMs);
  // A row that fails before it stops its sampler must not keep the bench from exiting once it is done.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssBytes(pid));
    },
  };
}

export async function startLocalPortal(log: (line: string) => void): Promise<LocalPortal> {
  fs.mkdirSync(benchStateDir, { recursive: true });
  const out = fs.openSync(logPath(), 'w');
  log(`starting portal + local Azure (build when stale; log: ${path.relative(root, logPath())})`);
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/start.ts', '--mode=production', '--seed=scale'], {
    cwd: root,
    env: benchEnv(),
    stdio: ['ignore', out, out],
    detached: true,
  });
  const childPid = child.pid;
  if (childPid === undefined) throw new Error('Could not start scripts/start.ts');

  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-childPid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  };

  let dispatcher: Agent | undefined;
  try {
    const caPath = path.join(benchStateDir, 'ca.pem');
    await waitFor('the ARM emulator', 180_000, async () => {
      if (!fs.existsSync(caPath) || !fs.existsSync(path.join(benchStateDir, 'admin-key'))) return false;
      dispatcher ??= new Agent({ connect: { ca: fs.readFileSync(caPath, 'utf8') } });
      const response = await fetch(`${armUrl}/_emulator/health`, {
        headers: { 'x-emulator-admin-key': fs.readFileSync(path.join(benchStateDir, 'admin-key'), 'utf8').trim() },
        dispatcher,
      });
      return response.ok;
    }, child);
    await waitFor('the portal', 420_000, async () => (await fetch(`${portalUrl}/api/health`)).ok, child);
  } catch (error) {
    await stop();
    throw error;
  }
  const adminKey = fs.readFileSync(path.join(benchStateDir, 'admin-key'), 'utf8').trim();
  const agent = dispatcher as Agent;

  return {
    emulatorPid: () => findServerProcess(childPid, /emulator\/main\.ts/),
    portalPid: () => findServerProcess(childPid, /next(\.js)? start|next-server|bin\/next start/),
    async admin(method, pathAndQuery, body) {
      const response = await fetch(`${armUrl}/_emulator${pathAndQuery}`, {
        method,
        headers: { 'x-emulator-admin-key': adminKey, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher: agent,
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`admin ${method} ${pathAndQuery}: ${response.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async stop() {
      await stop();
      await agent.close();
    },
  };
}
