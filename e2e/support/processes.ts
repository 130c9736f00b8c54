/** Servers the e2e specs start themselves (portal instances, nginx): wait until they answer, stop them. */
import type { ChildProcess } from 'node:child_process';

/** Polls `url` until it answers 2xx; false when the process exits first or time runs out. */
export async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  ready: (response: Response) => boolean = (response) => response.ok,
  timeoutMs = 60_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then(ready, () => false)) return true;
    if (child.exitCode !== null || child.signalCode !== null) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** SIGTERM, and wait until it is gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
