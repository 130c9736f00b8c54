/**
 * The e2e build's standalone server as a container runs it: copied with its assets into a temporary directory
 * of its own (no repository and no node_modules around it), started with `node server.js` and nothing but the
 * portal's settings, against the e2e run's local Azure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localPortalEnv } from '../../emulator/config';
import { e2eDistDir, e2ePorts, e2eStateDir } from '../../playwright.config';
import { copyStandaloneServer, listenEnv } from '../../scripts/standalone-server';
import { stopProcess, waitUntilAnswering } from './processes';

export interface StandalonePortal {
  origin: string;
  /** The directory it runs from: a copy of the build output only. */
  dir: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Dies at once (SIGKILL), as a crashed server or a lost container does; stop() still cleans up. */
  kill(): void;
  stop(): Promise<void>;
}

/**
 * `settings: 'none'` starts it as a deployment that forgot its settings: no AZURE_* at all. It is then ready
 * when it answers (its health says 503), not when it is healthy.
 */
export async function startStandalonePortal(port: number, settings: 'local' | 'none' = 'local'): Promise<StandalonePortal> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${port}-`));
  copyStandaloneServer(e2eDistDir ?? '.next', dir);
  const child = spawn(process.execPath, ['server.js'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      ...(settings === 'local' ? localPortalEnv({ host: 'localhost', armPort: e2ePorts.arm, identityPort: e2ePorts.identity }) : {}),
      NODE_EXTRA_CA_CERTS: path.join(e2eStateDir, 'ca.pem'),
      ...listenEnv(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const portal: StandalonePortal = {
    origin: `http://localhost:${port}`,
    dir,
    output: () => output,
    kill: () => void child.kill('SIGKILL'),
    stop: async () => {
      await stopProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const answering = settings === 'local' ? (response: Response) => response.ok : (response: Response) => response.status === 503;
  if (await waitUntilAnswering(`${portal.origin}/api/health`, child, answering)) return portal;
  await portal.stop();
  throw new Error(`the standalone portal on ${portal.origin} did not become healthy:\n${output}`);
}
